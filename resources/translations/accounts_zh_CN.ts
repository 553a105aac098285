<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AccountDetail</name>
    <message>
      <source>Claim from the pool</source>
      <translation>从公海认领</translation>
    </message>
    <message>
      <source>Profile</source>
      <translation>档案</translation>
    </message>
    <message>
      <source>New account</source>
      <translation>新建客户</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Put it in the public pool (公海) instead of keeping it</source>
      <translation>放入公海（不归我所有）</translation>
    </message>
    <message>
      <source>Review pack…</source>
      <translation>复盘资料…</translation>
    </message>
    <message>
      <source>Group</source>
      <translation>集团</translation>
    </message>
    <message>
      <source>Files</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>Completeness</source>
      <translation>完整度</translation>
    </message>
    <message>
      <source>History</source>
      <translation>历史</translation>
    </message>
    <message>
      <source>Owner: you</source>
      <translation>负责人：我</translation>
    </message>
    <message>
      <source>In the public pool (公海): nobody owns this account</source>
      <translation>在公海中：此客户暂无负责人</translation>
    </message>
    <message>
      <source>Owner: %1</source>
      <translation>负责人：%1</translation>
    </message>
  </context>
  <context>
    <name>AccountFilters</name>
    <message>
      <source>All tiers</source>
      <translation>全部等级</translation>
    </message>
    <message>
      <source>Tier %1</source>
      <translation>%1 类</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>All owners</source>
      <translation>全部负责人</translation>
    </message>
    <message>
      <source>Public pool (公海)</source>
      <translation>公海</translation>
    </message>
    <message>
      <source>All cities</source>
      <translation>全部城市</translation>
    </message>
    <message>
      <source>All industries</source>
      <translation>全部行业</translation>
    </message>
    <message>
      <source>All tags</source>
      <translation>全部标签</translation>
    </message>
    <message>
      <source>Incomplete file</source>
      <translation>档案不完整</translation>
    </message>
    <message>
      <source>At risk</source>
      <translation>有风险</translation>
    </message>
    <message>
      <source>Accounts whose health score is under %1</source>
      <translation>健康度低于 %1 的客户</translation>
    </message>
    <message>
      <source>All ABC classes</source>
      <translation>全部 ABC 分类</translation>
    </message>
    <message>
      <source>Class %1</source>
      <translation>%1 类</translation>
    </message>
    <message>
      <source>Any last visit</source>
      <translation>不限拜访时间</translation>
    </message>
    <message>
      <source>Not visited in </source>
      <translation>超过 </translation>
    </message>
    <message>
      <source> days</source>
      <translation> 天未拜访</translation>
    </message>
    <message>
      <source>Clear filters</source>
      <translation>清除筛选</translation>
    </message>
  </context>
  <context>
    <name>AccountTableModel</name>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Short name</source>
      <translation>简称</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>File</source>
      <translation>档案</translation>
    </message>
    <message>
      <source>Owner</source>
      <translation>负责人</translation>
    </message>
    <message>
      <source>Health</source>
      <translation>健康度</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>信用代码</translation>
    </message>
    <message>
      <source>Potential</source>
      <translation>潜力</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Contacts</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Last visit</source>
      <translation>上次拜访</translation>
    </message>
    <message>
      <source>Next visit</source>
      <translation>下次拜访</translation>
    </message>
    <message>
      <source>ABC</source>
      <translation>ABC 分类</translation>
    </message>
    <message>
      <source>Prospect</source>
      <translation>潜在</translation>
    </message>
    <message>
      <source>Active</source>
      <translation>合作中</translation>
    </message>
    <message>
      <source>Dormant</source>
      <translation>休眠</translation>
    </message>
    <message>
      <source>Lost</source>
      <translation>流失</translation>
    </message>
    <message>
      <source>Class %1 by share of the last 12 months' revenue</source>
      <translation>按近 12 个月收入占比为 %1 类</translation>
    </message>
    <message>
      <source>Archive completeness: %1%</source>
      <translation>档案完整度：%1%</translation>
    </message>
    <message>
      <source>Pool</source>
      <translation>公海</translation>
    </message>
  </context>
  <context>
    <name>AccountsPage</name>
    <message>
      <source>Accounts</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Search name, pinyin (zgyd), credit code, contact, phone, e-mail  (Ctrl+F)</source>
      <translation>搜索名称、拼音（zgyd）、信用代码、联系人、电话、邮箱（Ctrl+F）</translation>
    </message>
    <message>
      <source>New account</source>
      <translation>新建客户</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Hand over…</source>
      <translation>客户交接…</translation>
    </message>
    <message>
      <source>Recently deleted</source>
      <translation>最近删除</translation>
    </message>
    <message>
      <source>Search accounts</source>
      <translation>搜索客户</translation>
    </message>
    <message>
      <source>Close the profile</source>
      <translation>关闭客户档案</translation>
    </message>
    <message>
      <source>You now own %1.</source>
      <translation>已认领 %1。</translation>
    </message>
    <message numerus="yes">
      <source>%n or more accounts, counting…</source>
      <translation>
        <numerusform>至少 %n 个客户，正在计数…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n account(s)</source>
      <translation>
        <numerusform>%n 个客户</numerusform>
      </translation>
    </message>
    <message>
      <source>filtered</source>
      <translation>已筛选</translation>
    </message>
    <message>
      <source>Ctrl+Z undoes: %1</source>
      <translation>Ctrl+Z 可撤销：%1</translation>
    </message>
    <message>
      <source>create %1</source>
      <translation>新建 %1</translation>
    </message>
    <message>
      <source>edit of %1</source>
      <translation>修改 %1</translation>
    </message>
    <message numerus="yes">
      <source>delete of %n account(s)</source>
      <translation>
        <numerusform>删除 %n 个客户</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>AskingDialog</name>
    <message>
      <source>Discard what you typed?</source>
      <translation>放弃已输入的内容？</translation>
    </message>
    <message>
      <source>What you typed here has not been saved. Discard it?</source>
      <translation>这里输入的内容尚未保存。要放弃吗？</translation>
    </message>
  </context>
  <context>
    <name>ChangedElsewhereBar</name>
    <message>
      <source>Reload</source>
      <translation>重新载入</translation>
    </message>
    <message>
      <source>Keep editing</source>
      <translation>继续编辑</translation>
    </message>
    <message>
      <source>This contact was changed elsewhere — your typing is kept.</source>
      <translation>此联系人已在别处被修改——您输入的内容已保留。</translation>
    </message>
    <message>
      <source>This account was deleted elsewhere. Recently deleted can bring it back.</source>
      <translation>此客户已在别处被删除。可在“最近删除”中恢复。</translation>
    </message>
    <message>
      <source>This account was changed elsewhere — your typing is kept.</source>
      <translation>此客户已在别处被修改——您输入的内容已保留。</translation>
    </message>
  </context>
  <context>
    <name>CompletenessTab</name>
    <message>
      <source>Archive completeness: %1%</source>
      <translation>档案完整度：%1%</translation>
    </message>
    <message>
      <source>Nothing is required for this tier.</source>
      <translation>该等级没有必填要求。</translation>
    </message>
    <message>
      <source>Short name</source>
      <translation>简称</translation>
    </message>
    <message>
      <source>Credit code</source>
      <translation>信用代码</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>网址</translation>
    </message>
    <message>
      <source>Potential</source>
      <translation>潜力</translation>
    </message>
    <message>
      <source>Parent account</source>
      <translation>上级单位</translation>
    </message>
    <message>
      <source>Decision maker</source>
      <translation>决策者</translation>
    </message>
    <message>
      <source>Influencer</source>
      <translation>影响者</translation>
    </message>
    <message>
      <source>User</source>
      <translation>使用者</translation>
    </message>
    <message>
      <source>Gatekeeper</source>
      <translation>把关者</translation>
    </message>
    <message>
      <source>Business licence</source>
      <translation>营业执照</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Business card</source>
      <translation>名片</translation>
    </message>
    <message>
      <source>Other file</source>
      <translation>其他文件</translation>
    </message>
    <message>
      <source>%1 filled in</source>
      <translation>已填写%1</translation>
    </message>
    <message>
      <source>At least %1 contacts</source>
      <translation>至少 %1 位联系人</translation>
    </message>
    <message>
      <source>A contact who is %1</source>
      <translation>有一位%1</translation>
    </message>
    <message>
      <source>%1 attached</source>
      <translation>已上传%1</translation>
    </message>
  </context>
  <context>
    <name>ContactDialog</name>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>姓名</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Department</source>
      <translation>部门</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Mobile</source>
      <translation>手机</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>WeChat</source>
      <translation>微信</translation>
    </message>
    <message>
      <source>Decision maker</source>
      <translation>决策者</translation>
    </message>
    <message>
      <source>Influencer</source>
      <translation>影响者</translation>
    </message>
    <message>
      <source>User</source>
      <translation>使用者</translation>
    </message>
    <message>
      <source>Gatekeeper</source>
      <translation>把关者</translation>
    </message>
    <message>
      <source>Role in the decision</source>
      <translation>决策角色</translation>
    </message>
    <message>
      <source>No</source>
      <translation>否</translation>
    </message>
    <message>
      <source>Yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>Primary contact</source>
      <translation>主要联系人</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Discard the contact?</source>
      <translation>放弃此联系人？</translation>
    </message>
    <message>
      <source>What you typed for this contact has not been saved. Discard it?</source>
      <translation>您为此联系人填写的内容尚未保存。要放弃吗？</translation>
    </message>
  </context>
  <context>
    <name>ContactEditing</name>
    <message>
      <source>removal of a contact</source>
      <translation>删除联系人</translation>
    </message>
  </context>
  <context>
    <name>ContactsTab</name>
    <message>
      <source>Decision maker</source>
      <translation>决策者</translation>
    </message>
    <message>
      <source>Influencer</source>
      <translation>影响者</translation>
    </message>
    <message>
      <source>User</source>
      <translation>使用者</translation>
    </message>
    <message>
      <source>Gatekeeper</source>
      <translation>把关者</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Role</source>
      <translation>角色</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>邮箱</translation>
    </message>
    <message>
      <source>Add contact</source>
      <translation>添加联系人</translation>
    </message>
    <message>
      <source>Edit</source>
      <translation>编辑</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
  </context>
  <context>
    <name>Discard</name>
    <message>
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
    <message>
      <source>Keep editing</source>
      <translation>继续编辑</translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message>
      <source>Possible duplicate</source>
      <translation>疑似重复客户</translation>
    </message>
    <message>
      <source>name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>short name</source>
      <translation>简称</translation>
    </message>
    <message>
      <source>credit code</source>
      <translation>信用代码</translation>
    </message>
    <message>
      <source>contact phone</source>
      <translation>联系人电话</translation>
    </message>
    <message>
      <source>This looks like an account that already exists:</source>
      <translation>该客户疑似已存在：</translation>
    </message>
    <message>
      <source>%1 (same %2: %3)</source>
      <translation>%1（%2相同：%3）</translation>
    </message>
    <message>
      <source>Save anyway only with a reason (it is kept):</source>
      <translation>如仍要保存，请填写原因（将被记录）：</translation>
    </message>
  </context>
  <context>
    <name>FieldMessages</name>
    <message>
      <source>is required</source>
      <translation>必填</translation>
    </message>
    <message>
      <source>is longer than 200 characters</source>
      <translation>超过 200 个字符</translation>
    </message>
    <message>
      <source>is not a phone number (digits, spaces, + - ( ) and an extension)</source>
      <translation>不是有效的电话号码（数字、空格、+ - ( ) 和分机号）</translation>
    </message>
    <message>
      <source>is not a mobile number (11 digits starting with 1, or + and a country code)</source>
      <translation>不是有效的手机号（以 1 开头的 11 位数字，或 + 加国家代码）</translation>
    </message>
    <message>
      <source>is not an e-mail address (name@example.com)</source>
      <translation>不是有效的邮箱地址（name@example.com）</translation>
    </message>
    <message>
      <source>is not a web address</source>
      <translation>不是有效的网址</translation>
    </message>
    <message>
      <source>must be A, B or C</source>
      <translation>必须是 A、B 或 C</translation>
    </message>
    <message>
      <source>cannot be negative</source>
      <translation>不能为负数</translation>
    </message>
    <message>
      <source>would make the group a loop</source>
      <translation>会使集团层级形成循环</translation>
    </message>
    <message>
      <source>characters 3 to 8 must be the administrative division code (digits)</source>
      <translation>第 3 至 8 位必须是行政区划代码（数字）</translation>
    </message>
    <message>
      <source>the organisation code (characters 9 to 17) has a wrong check character</source>
      <translation>组织机构代码（第 9 至 17 位）校验位错误</translation>
    </message>
    <message>
      <source>must be a date in the past</source>
      <translation>必须是过去的日期</translation>
    </message>
    <message>
      <source>must be 18 characters (has %1)</source>
      <translation>必须是 18 位（当前 %1 位）</translation>
    </message>
    <message>
      <source>contains characters that are not allowed: %1</source>
      <translation>包含不允许的字符：%1</translation>
    </message>
    <message>
      <source>the last character should be %1: a character was probably mistyped</source>
      <translation>最后一位应为 %1：可能有字符输错</translation>
    </message>
    <message>
      <source>the file is %1 MB; attachments may be at most %2 MB</source>
      <translation>文件大小为 %1 MB；附件最大 %2 MB</translation>
    </message>
    <message>
      <source>%1 already belongs to %2</source>
      <translation>%1 已归属 %2</translation>
    </message>
    <message>
      <source>You already hold %1 accounts from the pool, the most allowed: return one or ask your manager.</source>
      <translation>您已从公海认领了 %1 个客户，已达上限：请先退回一个或联系经理。</translation>
    </message>
  </context>
  <context>
    <name>FileActions</name>
    <message>
      <source>No program on this computer opens it.</source>
      <translation>本机没有可以打开此文件的程序。</translation>
    </message>
    <message>
      <source>removal of a file</source>
      <translation>删除附件</translation>
    </message>
  </context>
  <context>
    <name>FilesTab</name>
    <message>
      <source>Business licence</source>
      <translation>营业执照</translation>
    </message>
    <message>
      <source>Contract</source>
      <translation>合同</translation>
    </message>
    <message>
      <source>Business card</source>
      <translation>名片</translation>
    </message>
    <message>
      <source>Other file</source>
      <translation>其他文件</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>大小</translation>
    </message>
    <message>
      <source>Added</source>
      <translation>添加时间</translation>
    </message>
    <message>
      <source>Add file…</source>
      <translation>添加文件…</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>打开</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Files are copied into the data folder; at most %1 MB each.</source>
      <translation>文件会复制到数据文件夹；每个文件最大 %1 MB。</translation>
    </message>
    <message>
      <source>Attach a file</source>
      <translation>添加附件</translation>
    </message>
  </context>
  <context>
    <name>GroupEditing</name>
    <message>
      <source>move of %1 in its group</source>
      <translation>调整 %1 的集团归属</translation>
    </message>
  </context>
  <context>
    <name>GroupTab</name>
    <message>
      <source>Parent</source>
      <translation>上级单位</translation>
    </message>
    <message>
      <source>Set as parent</source>
      <translation>设为上级</translation>
    </message>
    <message>
      <source>No parent</source>
      <translation>无上级</translation>
    </message>
    <message>
      <source>Move to</source>
      <translation>移至</translation>
    </message>
    <message>
      <source>Subsidiaries</source>
      <translation>下属单位</translation>
    </message>
    <message>
      <source>Group totals</source>
      <translation>集团合计</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>（无）</translation>
    </message>
    <message>
      <source>%1 accounts · potential %2 · open pipeline %3 · orders %4</source>
      <translation>%1 个客户 · 潜力 %2 · 在谈商机 %3 · 订单 %4</translation>
    </message>
  </context>
  <context>
    <name>Handover</name>
    <message>
      <source>Select the accounts to hand over first.</source>
      <translation>请先选择要交接的客户。</translation>
    </message>
    <message>
      <source>Handed over %1 accounts, %2 visits, %3 follow-ups, %4 quotes, %5 complaints.</source>
      <translation>已交接 %1 个客户、%2 次拜访、%3 个跟进、%4 份报价、%5 个投诉。</translation>
    </message>
  </context>
  <context>
    <name>HandoverDialog</name>
    <message>
      <source>Hand over accounts</source>
      <translation>客户交接</translation>
    </message>
    <message numerus="yes">
      <source>%n account(s) and their open visits, follow-ups, quotes and complaints move to:</source>
      <translation>
        <numerusform>%n 个客户及其未完成的拜访、跟进、报价和投诉将移交给：</numerusform>
      </translation>
    </message>
    <message>
      <source>New owner</source>
      <translation>新负责人</translation>
    </message>
    <message>
      <source>Why (kept in each account's history)</source>
      <translation>交接原因（记录在每个客户的历史中）</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
  </context>
  <context>
    <name>HistoryTab</name>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>操作人</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>Old</source>
      <translation>原值</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新值</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>原因</translation>
    </message>
  </context>
  <context>
    <name>ListFollowsProfile</name>
    <message>
      <source>Discard your changes?</source>
      <translation>放弃修改？</translation>
    </message>
    <message>
      <source>What you typed in %1 has not been saved. Discard it and show %2?</source>
      <translation>%1 中输入的内容尚未保存。放弃并显示 %2？</translation>
    </message>
  </context>
  <context>
    <name>OutsideListHint</name>
    <message>
      <source>Not in the list now: the search or the filters leave this account out.</source>
      <translation>不在当前列表中：搜索或筛选条件把这个客户排除在外了。</translation>
    </message>
    <message>
      <source>Show in the list</source>
      <translation>在列表中显示</translation>
    </message>
    <message>
      <source>Clear the search and the filters</source>
      <translation>清除搜索和筛选条件</translation>
    </message>
  </context>
  <context>
    <name>PoolBanner</name>
    <message numerus="yes">
      <source>%n account(s) went back to the public pool (no visit or follow-up in time).</source>
      <translation>
        <numerusform>%n 个客户已退回公海（未按时拜访或跟进）。</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n day(s) left</source>
      <translation>
        <numerusform>剩 %n 天</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n of your accounts go back to the public pool within a week unless visited or followed up:</source>
      <translation>
        <numerusform>您有 %n 个客户将在一周内退回公海，请及时拜访或跟进：</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>and %n more</source>
      <translation>
        <numerusform>等另外 %n 个</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ProfileForm</name>
    <message>
      <source>Name *</source>
      <translation>名称 *</translation>
    </message>
    <message>
      <source>Short name</source>
      <translation>简称</translation>
    </message>
    <message>
      <source>Unified social credit code</source>
      <translation>统一社会信用代码</translation>
    </message>
    <message>
      <source>Tier</source>
      <translation>等级</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Industry</source>
      <translation>行业</translation>
    </message>
    <message>
      <source>Province</source>
      <translation>省份</translation>
    </message>
    <message>
      <source>City</source>
      <translation>城市</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Website</source>
      <translation>网址</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>标签</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>comma separated</source>
      <translation>用逗号分隔</translation>
    </message>
    <message>
      <source>Save</source>
      <translation>保存</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
  </context>
  <context>
    <name>RecentlyDeleted</name>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Deleted at</source>
      <translation>删除时间</translation>
    </message>
    <message>
      <source>Restore</source>
      <translation>恢复</translation>
    </message>
  </context>
  <context>
    <name>SectionNavigator</name>
    <message>
      <source>Next section of the profile</source>
      <translation>客户资料的下一栏</translation>
    </message>
    <message>
      <source>Previous section of the profile</source>
      <translation>客户资料的上一栏</translation>
    </message>
    <message>
      <source>Section %1 of the profile</source>
      <translation>客户资料的第 %1 栏</translation>
    </message>
  </context>
</TS>