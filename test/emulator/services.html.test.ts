import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupServices } from './support.js';

describe('HtmlService templates', () => {
  it('escapes <?= ?> and prints <?!= ?> raw', () => {
    const { HtmlService } = setupServices();
    const out = HtmlService.createTemplate(`<p><?= '<b>"Tom & Jerry\\'s"</b>' ?></p><?!= '<i>raw</i>' ?>`).evaluate();
    expect(out.getContent()).toBe('<p>&lt;b&gt;&quot;Tom &amp; Jerry&#39;s&quot;&lt;/b&gt;</p><i>raw</i>');
  });

  it('runs scriptlet loops and conditionals across scriptlets, with template variables', () => {
    const { HtmlService } = setupServices();
    const t = HtmlService.createTemplate(
      '<ul><? for (const kr of data.krs) { ?><li><?= kr.title ?><? if (kr.done) { ?> ✓<? } ?></li><? } ?></ul><?= title ?>',
    );
    t.data = {
      krs: [
        { title: 'Grow <ARR>', done: true },
        { title: 'Hire', done: false },
      ],
    };
    t.title = 'Q1';
    expect(t.evaluate().getContent()).toBe('<ul><li>Grow &lt;ARR&gt; ✓</li><li>Hire</li></ul>Q1');
  });

  it('prints values inside <script> as safe JavaScript literals', () => {
    const { HtmlService } = setupServices();
    const t = HtmlService.createTemplate('<script>var row = <?= row ?>;</script><p><?= row.note ?></p>');
    t.row = { id: 'KR-1', note: '</script><b>' };
    expect(t.evaluate().getContent()).toBe(
      '<script>var row = {"id":"KR-1","note":"\\u003c/script\\u003e\\u003cb\\u003e"};</script><p>&lt;/script&gt;&lt;b&gt;</p>',
    );
  });

  it('prints only the content inside a quoted JS string', () => {
    const { HtmlService } = setupServices();
    const t = HtmlService.createTemplate(`<script>// it's a comment
var a = '<?= name ?>'; var b = "<?= name ?>"; var c = <?= n ?>;</script>`);
    t.name = `O'Brien "</script>"`;
    t.n = 3;
    expect(t.evaluate().getContent()).toBe(
      `<script>// it's a comment
var a = 'O\\u0027Brien \\"\\u003c/script\\u003e\\"'; var b = "O\\u0027Brien \\"\\u003c/script\\u003e\\""; var c = 3;</script>`,
    );
  });

  it('lets scriptlets call the script globals and HtmlService', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-html-'));
    writeFileSync(join(dir, 'styles.html'), '<style>p{}</style>');
    const globals = { greet: (name: string) => `Hello ${name}` };
    const { HtmlService } = setupServices({ htmlDir: dir, templateGlobals: () => globals });
    const t = HtmlService.createTemplate(
      "<?!= HtmlService.createHtmlOutputFromFile('styles').getContent() ?><?= greet(user) ?>",
    );
    t.user = 'Ann';
    expect(t.evaluate().getContent()).toBe('<style>p{}</style>Hello Ann');
  });

  it('reads files by name with or without .html, and names a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'okr-html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<h1><?= heading ?></h1>');
    const { HtmlService } = setupServices({ htmlDir: dir });
    expect(HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<h1><?= heading ?></h1>');
    const t = HtmlService.createTemplateFromFile('Sidebar.html');
    t.heading = 'Check-in';
    expect(t.evaluate().getContent()).toBe('<h1>Check-in</h1>');
    expect(() => HtmlService.createHtmlOutputFromFile('Nope')).toThrow(/no HTML file named 'Nope'/);
  });
});

describe('HtmlOutput', () => {
  it('builds content and keeps its settings', () => {
    const { HtmlService } = setupServices();
    const out = HtmlService.createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .appendUntrusted('<script>x</script>')
      .setTitle('T')
      .setWidth(300)
      .setHeight(200)
      .setSandboxMode(HtmlService.SandboxMode.IFRAME)
      .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect(out.getContent()).toBe('<p>a</p><p>b</p>&lt;script&gt;x&lt;/script&gt;');
    expect([out.getTitle(), out.getWidth(), out.getHeight()]).toEqual(['T', 300, 200]);
    expect(out.getMetaTags().map((m) => [m.getName(), m.getContent()])).toEqual([['viewport', 'width=device-width']]);
    expect(HtmlService.createHtmlOutput().getContent()).toBe('');
  });
});
