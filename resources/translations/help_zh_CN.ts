<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
  <context>
    <name>GuideDialog</name>
    <message>
      <source>Fieldbook user guide</source>
      <translation>Fieldbook 使用指南</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>&amp;User guide…</source>
      <translation>使用指南(&amp;U)…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts…</source>
      <translation>键盘快捷键(&amp;K)…</translation>
    </message>
    <message>
      <source>Anywhere in the window</source>
      <translation>窗口中任何位置</translation>
    </message>
    <message>
      <source>%1 page</source>
      <translation>%1页</translation>
    </message>
  </context>
  <context>
    <name>ShortcutSheet</name>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>按键</translation>
    </message>
  </context>
</TS>