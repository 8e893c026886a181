"""Content security (内容安全): residents' free texts checked by WeChat before they are
written, and the texts WeChat wanted a person to look at (or could not check) reviewed by
staff, who clear or hide them."""
