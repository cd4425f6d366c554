"""Chinese vocabulary the extraction rules read, kept as data (checked by tests)."""

from __future__ import annotations

# The 56 ethnic groups without 族: stripped from autonomous-county names to get their
# short forms (鄂温克族自治旗 -> 鄂温克旗, 石林彝族自治县 -> 石林县).
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉",
    "壮",
    "回",
    "满",
    "维吾尔",
    "苗",
    "彝",
    "土家",
    "藏",
    "蒙古",
    "侗",
    "布依",
    "瑶",
    "白",
    "朝鲜",
    "哈尼",
    "黎",
    "哈萨克",
    "傣",
    "畲",
    "傈僳",
    "东乡",
    "仡佬",
    "拉祜",
    "佤",
    "水",
    "纳西",
    "羌",
    "土",
    "仫佬",
    "锡伯",
    "柯尔克孜",
    "景颇",
    "达斡尔",
    "撒拉",
    "布朗",
    "毛南",
    "塔吉克",
    "普米",
    "阿昌",
    "怒",
    "鄂温克",
    "京",
    "基诺",
    "德昂",
    "保安",
    "俄罗斯",
    "裕固",
    "乌孜别克",
    "门巴",
    "鄂伦春",
    "独龙",
    "赫哲",
    "高山",
    "珞巴",
    "塔塔尔",
)

# County-level suffixes, longest first (自治县 before 县).
COUNTY_SUFFIXES: tuple[str, ...] = ("自治县", "自治旗", "特区", "林区", "县", "区", "市", "旗")
PREFECTURE_SUFFIXES: tuple[str, ...] = ("自治州", "地区", "市", "州", "盟")
PROVINCE_SUFFIXES: tuple[str, ...] = ("特别行政区", "自治区", "省", "市")
# Gazetteer rows that are groupings, not places.
NOT_PLACES: frozenset[str] = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})

# Township suffixes as printed; 街道办事处 / 街道办 are read as 街道.
TOWN_SUFFIXES: tuple[str, ...] = ("街道", "苏木", "镇", "乡")
# Words that end like a township but name none (城乡, 送法下乡, 各乡镇, 小城镇 ...).
NOT_TOWN_ENDINGS: tuple[str, ...] = (
    "乡镇",
    "小城镇",
    "小镇",
    "重镇",
    "名镇",
    "强镇",
    "坐镇",
    "下乡",
    "返乡",
    "故乡",
    "老乡",
    "异乡",
    "回乡",
    "之乡",
    "中心镇",
    "重点镇",
    "建制镇",
    "特色镇",
    "示范镇",
    "工业镇",
    "农业镇",
    "旅游镇",
    "所在街道",
    "城市街道",
    "社区街道",
)
# A township name never contains these (they end the words before it).
NOT_IN_TOWN: tuple[str, ...] = (
    "人民政府",
    "政府",
    "办事处",
    "公开",
    "报告",
    "关于",
    "根据",
    "要求",
    "包括",
    "全文",
    "年度",
)
# Words printed just before a township name that are not part of it, longest first.
TOWN_LEAD_WORDS: tuple[str, ...] = tuple(
    sorted(
        (
            "现将",
            "现就",
            "现公布",
            "特公布",
            "特向社会公布",
            "向社会公布",
            "公布",
            "公开",
            "编制",
            "编制了",
            "全文包括",
            "包括",
            "请与",
            "请联系",
            "联系",
            "来源",
            "发布机构",
            "信息来源",
            "发文机关",
            "由",
            "对",
            "在",
            "是",
            "为",
            "向",
            "与",
            "和",
            "及",
            "至",
            "据",
            "经",
            "于",
            "以",
            "了",
            "年",
            "度",
            "年度",
            "的",
            "位于",
            "地址",
            "制作",
            "作者",
            "单位",
            "名称",
            "总结",
            "报告",
            "如下",
            # verbs that often stand right before a unit's name
            "成立",
            "做好",
            "推进",
            "加强",
            "完善",
            "落实",
            "建立",
            "召开",
            "组织",
            "开展",
            "制定",
            "印发",
            "结合",
            "全面",
            "进一步",
            "将",
            "把",
            "让",
            "使",
            "指导",
            "督促",
            "深入",
            "运用",
            "利用",
            "通过",
            "依托",
            "借助",
        ),
        key=len,
        reverse=True,
    )
)

# Characters that end the words before a name, never a township stem's last ('成立了由乡党委…'
# is no 由乡); 了, 的, 与 and 及 are in no name at all.
NOT_TOWN_STEM_ENDS = "了由的在对将把与及为"
NOT_IN_TOWN_STEM = "了的与及"
# Words shaped like a county-level unit (two characters and 区/县/旗) that name none.
NOT_COUNTY_WORDS: frozenset[str] = frozenset(
    {
        "开发区",
        "示范区",
        "试验区",
        "实验区",
        "保护区",
        "风景区",
        "居民区",
        "住宅区",
        "生活区",
        "工业区",
        "产业区",
        "功能区",
        "服务区",
        "核心区",
        "中心区",
        "商业区",
        "行政区",
        "自治区",
        "高新区",
        "经开区",
        "保税区",
        "合作区",
        "管理区",
        "新城区",
        "老城区",
        "主城区",
        "全市区",
        "贫困区",
        "重点区",
        "辖区",
    }
)

# Header labels of the posting or document date (web page chrome, document tables).
DATE_LABELS: tuple[str, ...] = (
    "发布日期",
    "发布时间",
    "成文日期",
    "公文生成日期",
    "生成日期",
    "印发日期",
    "信息提供日期",
    "发文日期",
    "公开日期",
    "日期",
    "时间",
)
# Words before 时间/日期 that make it something other than a posting date.
NOT_DATE_LABEL_LEADS: tuple[str, ...] = ("统计", "办公", "截止", "截至", "受理", "答复")

# Title: a line that names an annual report on information disclosure.
TITLE_WORDS: tuple[str, ...] = (
    "年度报告",
    "年报",
    "工作报告",
    "的报告",
    "年度工作报告",
    "公开报告",
    "情况报告",
)

# Negations that make a count zero ("未收到…申请", "无…行政复议").
NEGATIONS: tuple[str, ...] = ("没有", "尚未", "未曾", "均未", "并未", "从未", "未", "无", "没")
# Verbs that receive an application (not 办结/答复, which count handled ones).
RECEIVE_VERBS: tuple[str, ...] = ("新收", "收到", "受理", "接到", "接收", "收悉", "登记")
# Count units after a number of disclosed items / applications / cases.
ITEM_UNITS = "条件篇则"
# Units that count items only when information is named with them ('信息15项', not '文件11份').
LIST_UNITS = "份项次"
# Words that show a count is of information ('公开信息373条', '公开机构职能文件5件').
INFO_NOUNS: tuple[str, ...] = ("信息", "政务", "文件", "内容", "动态", "公告", "事项")
# Channels a count may be labelled with: two such counts side by side, no total, are no total
# (平台 and 网 label a channel but never name a second one: '微信公众号平台').
REPORT_CHANNELS: tuple[str, ...] = (
    "微信公众号",
    "微信公众平台",
    "网站",
    "网",
    "公众号",
    "微信",
    "微博",
    "平台",
    "公示栏",
    "公开栏",
    "宣传栏",
    "显示屏",
    "电子屏",
    "客户端",
    "抖音",
    "头条",
    "视频号",
    "报刊",
    "电视",
    "广播",
)
CASE_UNITS = "件宗起个份次例条"
# Channel words: a count read with them is one channel's share, not the total.
PARTIAL_CHANNELS: tuple[str, ...] = ("公众号", "微信", "微博", "抖音", "线上", "线下", "头条号")

# Section titles of the problems / measures parts.
PROBLEM_WORDS: tuple[str, ...] = ("问题", "不足", "差距")
MEASURE_WORDS: tuple[str, ...] = (
    "改进",
    "措施",
    "今后",
    "下一步",
    "工作计划",
    "工作安排",
    "努力方向",
    "整改",
)

# Words after which a two-character county name (威县, 泾县) may start: '和威县有关要求'
# is 威县, '完成县政务' is no 成县.
PLACE_LEAD_WORDS: tuple[str, ...] = (
    "根据",
    "按照",
    "依据",
    "关于",
    "来源",
    "位于",
    "和",
    "与",
    "及",
    "在",
    "由",
    "对",
    "向",
    "据",
    "经",
    "于",
    "为",
    "是",
    "的",
    "年",
    "度",
    "了",
    "将",
)
