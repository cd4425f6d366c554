"""Words the proactive-total candidates and features read (see proactive*.py), kept as data.

Each tuple is a set of alternatives; the rules build their patterns from them, so a new
wording is a new word here, not a new rule.
"""

from __future__ import annotations

# Verbs that state items were disclosed ('公开信息373条', '上传信息385条', '推送1039条').
DISCLOSE_VERBS: tuple[str, ...] = ("公开", "发布", "公示", "公布", "上传", "录入", "更新", "推送", "发送")
# Verbs that state a count of disclosed items on their own, without 主动 or a total word.
PLAIN_VERBS: tuple[str, ...] = ("公开", "公布", "发布")
# Words between 主动 and its verb: '主动向社会公开', '主动对外发布'.
PROACTIVE_OBJECTS: tuple[str, ...] = ("向社会各界", "向社会", "对外")
# Words that name every channel of disclosure at once: '通过多种渠道公开政府信息共500条'
# totals them all, and one channel's count after it ('1.通过政府网站主动公开…210条') is a part.
ALL_CHANNEL_WORDS: tuple[str, ...] = (
    "各类公开平台",
    "各类平台",
    "各个平台",
    "多个平台",
    "多种平台",
    "各平台",
    "各类渠道",
    "各种渠道",
    "多个渠道",
    "多种渠道",
    "各渠道",
    "多渠道",
    "各类载体",
    "多种载体",
    "各种途径",
    "多种途径",
)
# Words that make a count one of all kinds of information ('发布各类政务信息300条'): a list
# of single categories after it is its breakdown, not a sibling.
ALL_KINDS_WORDS: tuple[str, ...] = ("各类", "各项", "全部", "所有")
# Labels of one category of information whose count is a share of the total
# ('重点领域公开政府信息数40条'), unless counted over all of them ('12个重点领域…151条').
CATEGORY_LABELS: tuple[str, ...] = ("重点领域",)
# Words that make a count in 次 how often, not how many ('至少一周更新发布一次信息').
FREQUENCY_WORDS: tuple[str, ...] = ("每", "一周", "一个月", "一月", "一季度", "至少", "定期")
# Words that total a count: '全年共上传', '全镇政府信息公开566条', '共计108条'.
# (共 alone is read apart: not in 公共, 中共, 共和, 共同, 共享, 共建.)
TOTAL_WORDS: tuple[str, ...] = (
    "全年",
    "本年度",
    "本年",
    "年度",
    "共计",
    "合计",
    "总计",
    "累计",
    "全镇",
    "全乡",
    "全街道",
    "全街",
    "全苏木",
)
# Words that make a count run over several years ('累计', '截至目前').
CUMULATIVE_WORDS: tuple[str, ...] = ("累计", "历年", "截至目前", "截止目前", "截至今", "截止今", "至今")
# Words that make it all years' to date, no year's total unless the year's own is found.
TO_DATE_WORDS: tuple[str, ...] = (
    "到目前累计",
    "截至目前累计",
    "截止目前累计",
    "至今累计",
    "历年累计",
    "历年来",
)
# Words before a count that make it approximate but still the total: '近200条' -> 200.
APPROX_WORDS: tuple[str, ...] = ("超过", "近", "约", "逾")
# Nouns with which one of 份/项/次 counts disclosed items: 信息 with any, a noun ending in
# its unit with that one ('公开事项共计273余项'; not '文件11份', not '公示…事项等160余次').
LIST_NOUNS: dict[str, tuple[str, ...]] = {"份": ("信息",), "项": ("信息", "事项"), "次": ("信息",)}
# Words that make a count one of applications, cases, consultations, normative documents
# or press copy ('推送稿件138篇': articles sent to the media, no disclosed items).
NOT_ITEM_WORDS: tuple[str, ...] = (
    "申请",
    "复议",
    "诉讼",
    "咨询",
    "受理",
    "办结",
    "交办",
    "请求",
    "公开件",
    "规范性文件",
    "稿件",
    "培训",  # '共组织政府信息公开业务培训2次': sessions, not items
)
# Words of the year's own figure within or after a cumulative one ('2018年发生数为184条').
YEAR_NEW_VERBS: tuple[str, ...] = ("新增", "发生数为", "发生数", "新公开", "公开", "发布", "新发布")
# Words that make a count the sum of everything disclosed ('主动公开政府信息总数为88条').
SUM_WORDS: tuple[str, ...] = ("总数", "总量", "总共", "一共", "共有")
# Words that scope a count to the year reported, like the year itself ('今年主动公开…').
YEAR_SCOPE_WORDS: tuple[str, ...] = ("本年度", "本年", "今年", "全年", "年内", "一年来")
# Verbs of items produced, of which a 其中主动公开 share is the year's disclosed total
# ('共制发政府信息130件,其中主动公开18件').
PRODUCE_VERBS: tuple[str, ...] = ("产生", "制发", "制作", "获取", "形成", "印发", "制定")
# Nouns of areas a count of which may stand between 主动公开 and its 共计 total
# ('主动公开相关信息14大领域内容,共计294小项').
AREA_NOUNS: tuple[str, ...] = (
    "大领域",
    "个领域",
    "领域",
    "大类",
    "个方面",
    "方面",
    "个板块",
    "板块",
    "个栏目",
    "栏目",
)
# Words of a bare total closing a run of counts ('…公众号发布信息380条,共计432条').
CLOSING_WORDS: tuple[str, ...] = ("共计", "合计", "总计", "总共", "一共", "共")
# Nouns of documents: a count of them yields to a count of information ('主动公开文件12件').
DOCUMENT_NOUNS: tuple[str, ...] = ("文件", "公文", "发文")
# Words that scope a count to all years so far, so it states no year's total
# ('截至目前,共主动公开政府信息1230条', '…1230条(含历年)'); 累计 alone may be the year's.
TO_DATE_SCOPE_WORDS: tuple[str, ...] = (
    "截至目前",
    "截止目前",
    "截至今",
    "截止今",
    "到目前",
    "至今",
    "迄今",
    "历年",
)
