// Client-side dashboard widgets.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function renderNotice(
  container: HTMLElement,
  notice: { title: string; body: string },
): void {
  // bulwark-expect: xss-inner-html
  container.innerHTML = `<h3>${notice.title}</h3><p>${notice.body}</p>`;
  // bulwark-ok: xss-inner-html
  container.querySelector('h3')!.textContent = notice.title;
  // bulwark-ok: xss-inner-html
  container.innerHTML = DOMPurify.sanitize(marked.parse(notice.body) as string);
  // bulwark-ok: xss-inner-html
  container.innerHTML = '';
}

export function appendRow(table: HTMLTableElement, name: string): void {
  // bulwark-expect: xss-insert-adjacent-html
  table.insertAdjacentHTML('beforeend', `<tr><td>${name}</td></tr>`);
  const row = table.insertRow();
  // bulwark-ok: xss-insert-adjacent-html
  row.insertCell().textContent = name;
}

export function showQuery(): void {
  const q = new URLSearchParams(window.location.search).get('q') ?? '';
  // bulwark-expect: xss-document-write
  document.write('<p>Results for ' + q + '</p>');
  const p = document.createElement('p');
  // bulwark-ok: xss-document-write
  p.textContent = 'Results for ' + q;
  document.body.append(p);
}

export function afterLogin(): void {
  const next = decodeURIComponent(window.location.hash.substring(1));
  // bulwark-expect: dom-open-redirect
  window.location.href = next;
}

export function goHome(): void {
  // bulwark-ok: dom-open-redirect
  window.location.href = '/dashboard';
}

export function Comment({ html, text }: { html: string; text: string }) {
  return (
    <section>
      {/* bulwark-expect: react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: html }} />
      {/* bulwark-expect: react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: marked.parse(text) as string }} />
      {/* bulwark-ok: react-dangerously-set-inner-html */}
      <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />
      {/* bulwark-ok: react-dangerously-set-inner-html */}
      <p>{text}</p>
    </section>
  );
}

export function poll(widgetId: string): void {
  // bulwark-expect: string-timer
  setTimeout('refreshWidget("' + widgetId + '")', 5000);
  // bulwark-ok: string-timer
  setTimeout(() => refreshWidget(widgetId), 5000);
}

export function evaluateFormula(formula: string): number {
  // bulwark-expect: eval-injection
  return eval(formula);
}

export function compileFilter(expression: string): (row: unknown) => boolean {
  // bulwark-expect: function-constructor
  return new Function('row', `return ${expression};`) as (row: unknown) => boolean;
}

export function safeFilter(
  field: string,
  value: string,
): (row: Record<string, unknown>) => boolean {
  // bulwark-ok: function-constructor
  return (row) => row[field] === value;
}

declare function refreshWidget(id: string): void;
