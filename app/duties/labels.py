"""The Chinese words of app.duties: the texts a new 楼栋长's 三亮 start from."""

LEAD_DUTIES = "收集本楼栋居民的急难愁盼，代办跑腿事项，调处邻里矛盾"
LEAD_COMMITMENT = "亮身份、践承诺，随叫随到，做本楼栋居民的贴心人"
