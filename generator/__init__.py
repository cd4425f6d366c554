"""乡镇政府信息公开工作年度报告 portal generator."""

__version__ = "0.1.0"
