"""Places on the map (15分钟便民服务圈): what venues and merchants share, the search near a
point in a kept index and the navigation payload of `wx.openLocation`."""
