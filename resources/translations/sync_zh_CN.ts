<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>AccountRow</name>
    <message>
      <source>Signed in as %1 on %2</source>
      <translation>已登录：%1（%2）</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <source>Sign in…</source>
      <translation>登录…</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>Settle a conflict</source>
      <translation>处理冲突</translation>
    </message>
    <message>
      <source>Field:</source>
      <translation>字段：</translation>
    </message>
    <message>
      <source>the whole record</source>
      <translation>整条记录</translation>
    </message>
    <message>
      <source>my edits</source>
      <translation>我的修改</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>已删除</translation>
    </message>
    <message>
      <source>My value:</source>
      <translation>我的值：</translation>
    </message>
    <message>
      <source>Server's value:</source>
      <translation>服务器上的值：</translation>
    </message>
    <message>
      <source>someone else</source>
      <translation>其他人</translation>
    </message>
    <message>
      <source>unknown time</source>
      <translation>时间未知</translation>
    </message>
    <message>
      <source>Changed on the server by:</source>
      <translation>服务器上的修改人：</translation>
    </message>
    <message>
      <source>Why:</source>
      <translation>原因：</translation>
    </message>
    <message>
      <source>Or keep this value:</source>
      <translation>或保留此值：</translation>
    </message>
    <message>
      <source>Whichever value you do not keep stays here under settled conflicts and can be applied later.</source>
      <translation>未保留的值会留在“已处理的冲突”中，之后仍可恢复使用。</translation>
    </message>
    <message>
      <source>Keep mine</source>
      <translation>保留我的</translation>
    </message>
    <message>
      <source>Keep the server's</source>
      <translation>保留服务器的</translation>
    </message>
    <message>
      <source>Keep the value typed</source>
      <translation>保留输入的值</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>sync conflict settled</source>
      <translation>处理同步冲突</translation>
    </message>
    <message>
      <source>Not saved: %1</source>
      <translation>未保存：%1</translation>
    </message>
  </context>
  <context>
    <name>ConflictModel</name>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>My value</source>
      <translation>我的值</translation>
    </message>
    <message>
      <source>Server's value</source>
      <translation>服务器上的值</translation>
    </message>
    <message>
      <source>Changed by</source>
      <translation>修改人</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>edited</source>
      <translation>已修改</translation>
    </message>
    <message>
      <source>deleted</source>
      <translation>已删除</translation>
    </message>
  </context>
  <context>
    <name>PendingModel</name>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>更改</translation>
    </message>
    <message>
      <source>Fields</source>
      <translation>字段</translation>
    </message>
    <message>
      <source>all fields (%1)</source>
      <translation>全部字段（%1）</translation>
    </message>
  </context>
  <context>
    <name>RejectedModel</name>
    <message>
      <source>Type</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Record</source>
      <translation>记录</translation>
    </message>
    <message>
      <source>Why the server refused it</source>
      <translation>服务器拒绝的原因</translation>
    </message>
    <message>
      <source>What you can do</source>
      <translation>您可以怎么做</translation>
    </message>
    <message>
      <source>My change</source>
      <translation>我的更改</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>(no longer on this device)</source>
      <translation>（已不在本设备上）</translation>
    </message>
  </context>
  <context>
    <name>SignInDialog</name>
    <message>
      <source>Sign in to the sync server</source>
      <translation>登录同步服务器</translation>
    </message>
    <message>
      <source>Server:</source>
      <translation>服务器：</translation>
    </message>
    <message>
      <source>User name:</source>
      <translation>用户名：</translation>
    </message>
    <message>
      <source>Password:</source>
      <translation>密码：</translation>
    </message>
    <message>
      <source>Sign in</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Fill in the server, your user name and your password.</source>
      <translation>请填写服务器地址、用户名和密码。</translation>
    </message>
    <message>
      <source>Signing in…</source>
      <translation>正在登录…</translation>
    </message>
  </context>
  <context>
    <name>SyncController</name>
    <message>
      <source>Sync now</source>
      <translation>立即同步</translation>
    </message>
    <message>
      <source>Sign in to sync with %1.</source>
      <translation>请登录以与 %1 同步。</translation>
    </message>
    <message>
      <source>This computer holds %1 unsent change(s) of another user. Sign in as that user and sync them first.</source>
      <translation>本机有另一位用户的 %1 条未发送更改。请先以该用户登录并完成同步。</translation>
    </message>
    <message>
      <source>Sign-in failed: %1</source>
      <translation>登录失败：%1</translation>
    </message>
    <message>
      <source>Sign in to sync.</source>
      <translation>请登录后同步。</translation>
    </message>
    <message>
      <source>An administrator revoked this device and asked to erase its data. Fieldbook has signed out and deleted the local database and its backups.</source>
      <translation>管理员已停用此设备并要求清除数据。Fieldbook 已退出登录，并删除了本地数据库及其备份。</translation>
    </message>
    <message>
      <source>An administrator revoked this device and asked to erase its data, but some files could not be deleted: %1</source>
      <translation>管理员已停用此设备并要求清除数据，但部分文件无法删除：%1</translation>
    </message>
  </context>
  <context>
    <name>SyncLabels</name>
    <message>
      <source>Account</source>
      <translation>客户</translation>
    </message>
    <message>
      <source>Account team member</source>
      <translation>客户团队成员</translation>
    </message>
    <message>
      <source>Account plan</source>
      <translation>客户计划</translation>
    </message>
    <message>
      <source>Plan objective</source>
      <translation>计划目标</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系人</translation>
    </message>
    <message>
      <source>Attachment</source>
      <translation>附件</translation>
    </message>
    <message>
      <source>History entry</source>
      <translation>历史记录</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>团队</translation>
    </message>
    <message>
      <source>User</source>
      <translation>用户</translation>
    </message>
    <message>
      <source>Product</source>
      <translation>产品</translation>
    </message>
    <message>
      <source>Price list</source>
      <translation>价格表</translation>
    </message>
    <message>
      <source>Price list item</source>
      <translation>价格表条目</translation>
    </message>
    <message>
      <source>Opportunity</source>
      <translation>商机</translation>
    </message>
    <message>
      <source>Quote</source>
      <translation>报价</translation>
    </message>
    <message>
      <source>Quote line</source>
      <translation>报价明细</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>订单</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>发货</translation>
    </message>
    <message>
      <source>Payment</source>
      <translation>回款</translation>
    </message>
    <message>
      <source>Instalment</source>
      <translation>回款节点</translation>
    </message>
    <message>
      <source>Payment allocation</source>
      <translation>回款核销</translation>
    </message>
    <message>
      <source>Sales target</source>
      <translation>销售目标</translation>
    </message>
    <message>
      <source>Complaint</source>
      <translation>投诉</translation>
    </message>
    <message>
      <source>Rule</source>
      <translation>规则</translation>
    </message>
    <message>
      <source>Visit</source>
      <translation>拜访</translation>
    </message>
    <message>
      <source>Visit attendee</source>
      <translation>拜访参会人</translation>
    </message>
    <message>
      <source>Follow-up</source>
      <translation>跟进</translation>
    </message>
    <message>
      <source>Weekly report</source>
      <translation>周报</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>Changed</source>
      <translation>修改</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>删除</translation>
    </message>
    <message>
      <source>Restored</source>
      <translation>恢复</translation>
    </message>
    <message>
      <source>(deleted)</source>
      <translation>（删除）</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>（空）</translation>
    </message>
    <message>
      <source>(a record not on this device)</source>
      <translation>（本机上没有的记录）</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>是</translation>
    </message>
    <message>
      <source>no</source>
      <translation>否</translation>
    </message>
    <message>
      <source>To settle</source>
      <translation>待处理</translation>
    </message>
    <message>
      <source>Kept mine</source>
      <translation>已保留我的</translation>
    </message>
    <message>
      <source>Kept the server's</source>
      <translation>已保留服务器的</translation>
    </message>
    <message>
      <source>Edited</source>
      <translation>已修改</translation>
    </message>
    <message>
      <source>Read</source>
      <translation>已读</translation>
    </message>
    <message>
      <source>This computer has no secure password store (keyring): your sign-in is kept only until Fieldbook closes, and you will sign in again next time.</source>
      <translation>本机没有安全的密码存储（钥匙串）：登录状态只保留到 Fieldbook 关闭，下次需要重新登录。</translation>
    </message>
    <message>
      <source>Your sign-in is kept in the system's secure password store (keyring).</source>
      <translation>您的登录凭据保存在系统的安全密码存储（钥匙串）中。</translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>Offline: not signed in</source>
      <translation>离线：未登录</translation>
    </message>
    <message>
      <source>Server:</source>
      <translation>服务器：</translation>
    </message>
    <message>
      <source>Account:</source>
      <translation>账号：</translation>
    </message>
    <message>
      <source>State:</source>
      <translation>状态：</translation>
    </message>
    <message>
      <source>Last successful sync:</source>
      <translation>上次成功同步：</translation>
    </message>
    <message>
      <source>Changes waiting to be sent:</source>
      <translation>待发送的更改：</translation>
    </message>
    <message>
      <source>Sign in…</source>
      <translation>登录…</translation>
    </message>
    <message>
      <source>Sign out</source>
      <translation>退出登录</translation>
    </message>
    <message>
      <source>Sync now (F5)</source>
      <translation>立即同步 (F5)</translation>
    </message>
    <message>
      <source>Settle…</source>
      <translation>处理…</translation>
    </message>
    <message>
      <source>Show settled conflicts and rejections</source>
      <translation>显示已处理的冲突和被拒绝的更改</translation>
    </message>
    <message>
      <source>Copy my change</source>
      <translation>复制我的更改</translation>
    </message>
    <message>
      <source>Apply again</source>
      <translation>重新提交</translation>
    </message>
    <message>
      <source>Mark as read</source>
      <translation>标为已读</translation>
    </message>
    <message>
      <source>No server set</source>
      <translation>未设置服务器</translation>
    </message>
    <message>
      <source>Signed in as %1</source>
      <translation>已登录：%1</translation>
    </message>
    <message>
      <source>Not signed in</source>
      <translation>未登录</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>Why: %1</source>
      <translation>原因：%1</translation>
    </message>
    <message>
      <source>What you can do: %1</source>
      <translation>您可以：%1</translation>
    </message>
    <message>
      <source>Waiting to be sent (%1)</source>
      <translation>待发送（%1）</translation>
    </message>
    <message>
      <source>Conflicts (%1)</source>
      <translation>冲突（%1）</translation>
    </message>
    <message>
      <source>Rejected (%1)</source>
      <translation>被拒绝（%1）</translation>
    </message>
    <message>
      <source>Choose a conflict in the list first.</source>
      <translation>请先在列表中选择一条冲突。</translation>
    </message>
    <message>
      <source>Settled. The change goes to the server with the next sync.</source>
      <translation>已处理。更改将在下次同步时发送到服务器。</translation>
    </message>
    <message>
      <source>Choose a rejected change in the list first.</source>
      <translation>请先在列表中选择一条被拒绝的更改。</translation>
    </message>
    <message>
      <source>Your change was copied.</source>
      <translation>已复制您的更改。</translation>
    </message>
    <message>
      <source>Not done: %1</source>
      <translation>未完成：%1</translation>
    </message>
  </context>
  <context>
    <name>SyncProgressBar</name>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <source>Stop this sync; what has arrived so far is kept.</source>
      <translation>停止本次同步；已收到的内容会保留。</translation>
    </message>
    <message>
      <source>Sending %1 of %2</source>
      <translation>正在发送 %1 / %2</translation>
    </message>
    <message>
      <source>Uploading files…</source>
      <translation>正在上传文件…</translation>
    </message>
    <message>
      <source>Downloading files…</source>
      <translation>正在下载文件…</translation>
    </message>
    <message>
      <source>Received %1 changes</source>
      <translation>已收到 %1 条更改</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
  </context>
  <context>
    <name>SyncReasons</name>
    <message>
      <source>The account was handed over to someone else. Ask your manager to hand it back, or send your change to the new owner (Copy my change).</source>
      <translation>该客户已移交给他人。请让经理移交回来，或把您的更改发给新负责人（复制我的更改）。</translation>
    </message>
    <message>
      <source>You no longer have access to this record (it was handed over or you changed team). Ask your manager; your change can be copied.</source>
      <translation>您已无权访问此记录（已移交或您已调换团队）。请联系经理；您的更改可以复制保留。</translation>
    </message>
    <message>
      <source>Only a manager or administrator may make this change. Ask them to make it.</source>
      <translation>只有经理或管理员可以做此更改，请让他们处理。</translation>
    </message>
    <message>
      <source>The record (or one it refers to) was removed on the server. Copy your change if you still need it.</source>
      <translation>该记录（或其关联记录）已在服务器上删除。如仍需要，请复制您的更改。</translation>
    </message>
    <message>
      <source>This Fieldbook and the server are different versions. Update Fieldbook (or ask your administrator to update the server), then choose Apply again.</source>
      <translation>本 Fieldbook 与服务器版本不一致。请更新 Fieldbook（或请管理员更新服务器），然后选择“重新提交”。</translation>
    </message>
    <message>
      <source>Correct the value on the record and save again, or copy your change.</source>
      <translation>请在记录中更正该值后重新保存，或复制您的更改。</translation>
    </message>
    <message>
      <source>Copy your change if you still need it and tell your administrator.</source>
      <translation>如仍需要，请复制您的更改并告知管理员。</translation>
    </message>
    <message>
      <source>Someone changed this on the server after you had edited it.</source>
      <translation>有人在您修改之后，在服务器上也改了这一项。</translation>
    </message>
    <message>
      <source>Choose which value to keep: yours, the server's, or one you type.</source>
      <translation>请选择保留哪个值：您的、服务器的，或自己输入一个。</translation>
    </message>
    <message>
      <source>The record was deleted on the server while you edited it; your edit is kept.</source>
      <translation>您修改期间，该记录已在服务器上删除；您的修改仍保留着。</translation>
    </message>
    <message>
      <source>Keep mine brings the record back with your edit; keep the server's leaves it deleted.</source>
      <translation>“保留我的”会带着您的修改恢复该记录；“保留服务器的”则保持删除。</translation>
    </message>
    <message>
      <source>The account %1 now belongs to another rep.</source>
      <translation>客户“%1”现在归属另一位销售。</translation>
    </message>
    <message>
      <source>The account %1 is in the public pool.</source>
      <translation>客户“%1”已在公海中。</translation>
    </message>
    <message>
      <source>The account is in the public pool. Claim it on the Accounts page, then choose Apply again.</source>
      <translation>该客户在公海中。请先在“客户”页面认领，再选择“重新提交”。</translation>
    </message>
    <message>
      <source>Only a manager can hand an account over to another rep.</source>
      <translation>只有经理可以把客户移交给其他销售。</translation>
    </message>
    <message>
      <source>A manager can hand accounts only to people in their own team.</source>
      <translation>经理只能把客户移交给本团队的成员。</translation>
    </message>
    <message>
      <source>Choose someone in your team, or ask an administrator.</source>
      <translation>请选择本团队的成员，或联系管理员。</translation>
    </message>
    <message>
      <source>You no longer have access to this account.</source>
      <translation>您已无权访问此客户。</translation>
    </message>
    <message>
      <source>This %1 belongs to an account you do not have access to.</source>
      <translation>此%1所属的客户您无权访问。</translation>
    </message>
    <message>
      <source>This change would move the %1 to an account you do not have access to.</source>
      <translation>此更改会把%1移到您无权访问的客户下。</translation>
    </message>
    <message>
      <source>Choose one of your own accounts, or ask your manager.</source>
      <translation>请选择您自己的客户，或联系经理。</translation>
    </message>
    <message>
      <source>Only an administrator may change a %1.</source>
      <translation>只有管理员可以修改%1。</translation>
    </message>
    <message>
      <source>Only a manager may change the %1 catalog.</source>
      <translation>只有经理可以修改%1目录。</translation>
    </message>
    <message>
      <source>Only the account's owner or their manager may change its account team.</source>
      <translation>只有客户负责人或其经理可以调整客户团队。</translation>
    </message>
    <message>
      <source>Ask the account's owner or your manager to make the change.</source>
      <translation>请让客户负责人或您的经理来调整。</translation>
    </message>
    <message>
      <source>The server holds this file from someone else, and it was not uploaded from your account.</source>
      <translation>服务器上的这个文件来自其他人，您的账号尚未上传过它。</translation>
    </message>
    <message>
      <source>Sync again once the file has been uploaded from this computer; if the attachment still fails, attach the file again.</source>
      <translation>请在本机上传该文件后再次同步；如果附件仍然失败，请重新添加该文件。</translation>
    </message>
    <message>
      <source>This %1 no longer exists on the server.</source>
      <translation>此%1在服务器上已不存在。</translation>
    </message>
    <message>
      <source>The server does not know the field %1.</source>
      <translation>服务器不认识字段“%1”。</translation>
    </message>
    <message>
      <source>The server does not know this kind of record (%1).</source>
      <translation>服务器不认识这类记录（%1）。</translation>
    </message>
    <message>
      <source>The server did not accept the value of %1.</source>
      <translation>服务器不接受“%1”的值。</translation>
    </message>
    <message>
      <source>Required fields were empty: %1.</source>
      <translation>必填项为空：%1。</translation>
    </message>
    <message>
      <source>Fill them in on the record and save again.</source>
      <translation>请在记录中填写后重新保存。</translation>
    </message>
    <message>
      <source>Another record already has this value, and it must be unique.</source>
      <translation>已有其他记录使用此值，而此值必须唯一。</translation>
    </message>
    <message>
      <source>Another record already has this value. Change it on the record and save again.</source>
      <translation>已有其他记录使用此值。请在记录中修改后重新保存。</translation>
    </message>
    <message>
      <source>It refers to a record that does not exist on the server.</source>
      <translation>它关联的记录在服务器上不存在。</translation>
    </message>
    <message>
      <source>A required field is empty.</source>
      <translation>有必填项为空。</translation>
    </message>
    <message>
      <source>Fill it in on the record and save again.</source>
      <translation>请在记录中填写后重新保存。</translation>
    </message>
    <message>
      <source>The server found the record inconsistent.</source>
      <translation>服务器认为该记录数据不一致。</translation>
    </message>
  </context>
  <context>
    <name>SyncStatus</name>
    <message>
      <source>Offline</source>
      <translation>离线</translation>
    </message>
    <message>
      <source>Syncing…</source>
      <translation>正在同步…</translation>
    </message>
    <message>
      <source>Sync stopped</source>
      <translation>同步已停止</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>在线</translation>
    </message>
    <message>
      <source>%1 pending</source>
      <translation>%1 条待发送</translation>
    </message>
    <message>
      <source>last sync %1</source>
      <translation>上次同步 %1</translation>
    </message>
    <message>
      <source>%1 to settle</source>
      <translation>%1 条待处理</translation>
    </message>
    <message>
      <source>Not signed in: sign in on the Sync page to sync.</source>
      <translation>未登录：请在“同步”页面登录后同步。</translation>
    </message>
    <message>
      <source>Server: %1</source>
      <translation>服务器：%1</translation>
    </message>
    <message>
      <source>Trying again by itself in %1 s.</source>
      <translation>%1 秒后自动重试。</translation>
    </message>
    <message>
      <source>Plain http would send your password unencrypted. Use https, or allow plain HTTP explicitly in Settings.</source>
      <translation>普通 http 会以明文发送您的密码。请使用 https，或在设置中明确允许普通 HTTP。</translation>
    </message>
    <message>
      <source>Not a web address (for example https://server.example.com).</source>
      <translation>不是有效的网址（例如 https://server.example.com）。</translation>
    </message>
    <message>
      <source>Sync failed unexpectedly (%1).</source>
      <translation>同步意外失败（%1）。</translation>
    </message>
    <message>
      <source>The server's certificate is not trusted (%1). Fieldbook will not connect until the certificate is fixed; tell your administrator.</source>
      <translation>服务器证书不受信任（%1）。证书修复前 Fieldbook 不会连接，请告知管理员。</translation>
    </message>
    <message>
      <source>This device was revoked by an administrator.</source>
      <translation>此设备已被管理员停用。</translation>
    </message>
    <message>
      <source>Wrong user name or password.</source>
      <translation>用户名或密码错误。</translation>
    </message>
    <message>
      <source>Your sign-in expired or was revoked. Sign in again.</source>
      <translation>登录已过期或被撤销，请重新登录。</translation>
    </message>
    <message>
      <source>The server is older than this Fieldbook. Ask your administrator to update the server.</source>
      <translation>服务器版本比本 Fieldbook 旧，请管理员升级服务器。</translation>
    </message>
    <message>
      <source>This Fieldbook is too old for the server. Update Fieldbook.</source>
      <translation>本 Fieldbook 版本过旧，服务器不再支持，请升级 Fieldbook。</translation>
    </message>
    <message>
      <source>Server unreachable: no network, or the server is down.</source>
      <translation>无法连接服务器：没有网络，或服务器已停止。</translation>
    </message>
    <message>
      <source>Too many attempts; waiting before trying again.</source>
      <translation>尝试次数过多，稍后再试。</translation>
    </message>
    <message>
      <source>The server has a problem right now; trying again later.</source>
      <translation>服务器暂时出现问题，稍后自动重试。</translation>
    </message>
    <message>
      <source>The server is missing some of this device's changes. Ask your administrator to reset this device.</source>
      <translation>服务器缺少本设备的部分更改，请管理员重置此设备。</translation>
    </message>
    <message>
      <source>The server refused the request: %1</source>
      <translation>服务器拒绝了请求：%1</translation>
    </message>
  </context>
</TS>