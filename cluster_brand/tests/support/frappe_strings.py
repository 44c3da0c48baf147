"""Frappe's own desk strings that the programme's users see and whose zh translation Frappe lacks (English on
the screen) or gets wrong (「明确」 for Clear, 「公」 for Public, 「8米」 for 8 minutes, 「报告和大师」).
``cluster_brand/translations/zh.csv`` corrects exactly these; every other string of Frappe keeps Frappe's
translation. Plain data, read by both test tiers (tests/test_metadata.py and test_desk.py).

Keys are (source, context) as in Frappe's JS/Python: ``__("Public", null, "Workspace Category")``.
"""

FRAPPE_STRINGS_CORRECTED = {
	# navbar (frappe/public/js/frappe/ui/toolbar/navbar.html)
	("Search or type a command ({0})", None): "搜索或输入命令（{0}）",
	("No new notifications", None): "没有新通知",
	# list view: view switcher, sidebar, filters (frappe/public/js/frappe/list/)
	("List View", None): "列表视图",
	("Report View", None): "报表视图",
	("Dashboard View", None): "仪表板视图",
	("Kanban View", None): "看板视图",
	("Gantt View", None): "甘特图视图",
	("Inbox View", None): "收件箱视图",
	("Map View", None): "地图视图",
	("Tree View", None): "树状视图",
	("Edit Filters", None): "编辑过滤器",
	("Clear all filters", None): "清除所有过滤器",
	("Reload List", None): "刷新列表",
	("Clear", None): "清除",  # Frappe: 明确 ("clear" as in "obvious")
	# form: comment box, sidebar and timeline (frappe/public/js/frappe/form/)
	("Type a reply / comment", None): "输入回复 / 评论",
	# the form toolbar's tooltips (frappe/public/js/frappe/form/toolbar.js)
	("Previous Document", None): "上一条",
	("Next Document", None): "下一条",
	("This form is not editable due to a Workflow.", None): "此单据处于审批流程中，当前不能编辑。",
	# print view (frappe/www/printview.html)
	("Get PDF", None): "下载PDF",
	("You created this", None): "您创建了此文档",
	("{0} created this", None): "{0}创建了此文档",
	("You last edited this", None): "您最后编辑了此文档",
	("{0} last edited this", None): "{0}最后编辑了此文档",
	("You viewed this", None): "您查看了此文档",
	("{0} viewed this", None): "{0}查看了此文档",
	("You attached {0}", None): "您添加了{0}",
	("{0} attached {1}", None): "{0}添加了{1}",
	("You removed attachment {0}", None): "您删除了{0}",
	("{0} removed attachment {1}", None): "{0}删除了{1}",
	("Show all activity", None): "显示全部活动",
	# the attachment log: the timeline puts the stored comment, "Added {0}" / "Removed {0}" in the language of
	# who attached (frappe/core/doctype/file/file.py), after "{0} attached": 「添加了附件添加了…」 otherwise
	("Added {0}", None): "附件{0}",
	("Removed {0}", None): "附件{0}",
	("You changed the value of {0}", None): "您修改了{0}",
	("{0} changed the value of {1}", None): "{0}修改了{1}",
	("You changed the value of {0} {1}", None): "您修改了{0} {1}",
	("{0} changed the value of {1} {2}", None): "{0}修改了{1} {2}",
	("You changed the values for {0}", None): "您修改了表格中的值：{0}",
	("{0} changed the values for {1}", None): "{0}修改了表格中的值：{1}",
	("You changed the values for {0} {1}", None): "您修改了表格中的值：{0} {1}",
	("{0} changed the values for {1} {2}", None): "{0}修改了表格中的值：{1} {2}",
	("{0} from {1} to {2}", None): "{0}：从{1}改为{2}",
	("{0} from {1} to {2} in row #{3}", None): "第{3}行{0}：从{1}改为{2}",
	("added rows for {0}", None): "为{0}添加了行",
	("removed rows for {0}", None): "删除了{0}的行",
	("You submitted this document", None): "您提交了此文档",
	("{0} submitted this document", None): "{0}提交了此文档",
	("You submitted this document {0}", None): "您提交了此文档 {0}",
	("{0} submitted this document {1}", None): "{0}提交了此文档 {1}",
	("You cancelled this document", None): "您取消了此文档",
	("{0} cancelled this document", None): "{0}取消了此文档",
	("You cancelled this document {1}", None): "您取消了此文档 {1}",
	("{0} cancelled this document {1}", None): "{0}取消了此文档 {1}",
	# time since, short form (frappe/public/js/frappe/utils/pretty_date.js)
	("{0} m", None): "{0}分钟",  # Frappe: {0}米 (metres)
	("{0} d", None): "{0}天",
	("{0} w", None): "{0}周",
	("{0} M", None): "{0}个月",
	("{0} y", None): "{0}年",
	# notifications dropdown (frappe/public/js/frappe/ui/notifications/notifications.js)
	("Events", None): "日程",
	("What's New", None): "新功能",
	("See all Activity", None): "查看全部活动",
	("Mark all as read", None): "全部标为已读",
	("No New notifications", None): "没有新通知",
	("Looks like you haven’t received any notifications.", None): "您还没有收到任何通知。",
	("Nothing New", None): "暂无新内容",
	("There is nothing new to show you right now.", None): "目前没有新内容。",
	("There are no upcoming events for you.", None): "您近期没有日程。",
	("Rest of the day", None): "今天余下时间",
	# workspaces (frappe/public/js/frappe/views/workspace/workspace.js, workspace headers)
	("Public", None): "公开",  # Frappe: 公
	("Public", "Workspace Category"): "公共",  # the sidebar's section heading
	("Reports & Masters", None): "报表和主数据",  # Frappe: 报告和大师 ("masters" as in "grandmasters")
	# issue 19, left English on the desk in zh (Frappe's zh.csv lacks them, or has "No,No")
	# form menu and reminder dialog (frappe/public/js/frappe/form/toolbar.js, reminders.js)
	("Copy to Clipboard", None): "复制到剪贴板",
	("Remind Me", None): "提醒我",
	("Create a Reminder", None): "创建提醒",
	("Remind Me In", None): "多久后提醒",
	("Remind At", None): "提醒时间",
	("30 minutes", None): "30分钟",
	("1 hour", None): "1小时",
	("4 hours", None): "4小时",
	("1 Day", None): "1天",
	("Reminder set at {0}", None): "已设置提醒：{0}",
	# quick entry (frappe/public/js/frappe/form/quick_entry.js), print view (frappe/printing/page/print/print.js)
	("Edit Full Form", None): "编辑完整表单",
	# an empty list (frappe/public/js/frappe/list/list_view.js), a colour field's placeholder (ToDo)
	("You haven't created a {0} yet", None): "尚未创建{0}",
	("Choose a color", None): "选择颜色",
	("Try the new Print Designer", None): "试用新版打印设计器",
	# a report's export dialog (frappe/public/js/frappe/views/reports/report_utils.js, labels without __(),
	# which the dialog's controls translate) and query_report.js
	("File Format", None): "文件格式",
	("CSV Delimiter", None): "CSV分隔符",
	("CSV Quoting", None): "CSV引号",
	("Minimal", None): "最少",
	("Non-numeric", None): "非数值",
	("CSV Preview", None): "CSV预览",
	("Include filters", None): "包含筛选条件",
	# a Check's value in filters and the timeline: Frappe's zh has 是 for Yes but "No" for No
	("No", None): "否",
	# the assignment log (frappe/desk/doctype/todo/todo.py)
	("Assignment of {0} removed by {1}", None): "{1}取消了{0}的分配",
	("{0} removed their assignment.", None): "{0}取消了自己的分配。",
	# refusals (frappe/permissions.py; Document.raise_no_permission_to appends _(perm_type) in brackets)
	("Not allowed via controller permission check", None): "业务规则不允许此操作",
	("Insufficient Permission Level for {0}", None): "{0}的权限级别不足",
	("create", None): "新建",
	("read", None): "读取",
	("write", None): "修改",
	("submit", None): "提交",
	("cancel", None): "取消",
	("delete", None): "删除",
	# the form menu (frappe/public/js/frappe/form/toolbar.js): Undo and Redo left English, Jump to field read as
	# 跳到现场 ("jump to the scene"), its dialog's Go as 走 ("walk")
	("Undo", None): "撤销",
	("Redo", None): "重做",
	("Undo last action", None): "撤销上一步操作",
	("Redo last action", None): "重做上一步操作",
	("Jump to field", None): "跳转到字段",
	("Go", None): "转到",
	# refusals and the form's missing-fields message: Frappe's zh reads 对于无许可{0}, 丢失的字段 ("lost fields"),
	# 在需要的必填字段{0}, or has none (frappe/__init__.py, frappe/public/js/frappe/form/save.js)
	("No permission for {0}", None): "没有{0}的权限",
	("You are not permitted to access this resource.", None): "您无权访问此资源。",
	("Function {0} is not whitelisted.", None): "方法{0}不允许调用。",
	("Method Not Allowed", None): "不允许调用此方法",
	("Missing Fields", None): "必填项未填写",
	("Mandatory fields required in {0}", None): "{0}中有必填项未填写：",
	("Mandatory fields required in table {0}, Row {1}", None): "{0}第{1}行有必填项未填写：",
	# the public pages' navbar (frappe/templates/includes/navbar/navbar.html; issue 22): Frappe's 「家」 (a house)
	("Home", None): "首页",
	# a list opened with a filter (the workspace's shortcut to the registrations waiting): its filter button
	("Filters {0}", None): "过滤器 {0}",
	# the login page's sign-up, which leads to the registration of organizing units (issue 22): Frappe's 「报名」
	# (to enter a contest) and the English it leaves
	("Sign up", None): "注册",
	("Don't have an account?", None): "还没有账户？",
	("Create a {0} Account", None): "注册{0}账户",
	# the login page's heading (frappe/www/login.html), with System Settings' app_name (rules/accounts.py)
	("Login to {0}", None): "登录{0}",
	# accounts that hold (issue 22): an upload of a type System Settings does not allow (frappe/core/doctype/file)
	("File type of {0} is not allowed", None): "不允许上传{0}类型的文件",
}
