<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>SyncPage</name>
    <message>
      <source>Sync</source>
      <translation>同步</translation>
    </message>
    <message>
      <source>No server set (Settings)</source>
      <translation>未设置服务器（见设置）</translation>
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
      <source>State:</source>
      <translation>状态：</translation>
    </message>
    <message>
      <source>Changes waiting to be sent:</source>
      <translation>待发送的更改：</translation>
    </message>
  </context>
</TS>