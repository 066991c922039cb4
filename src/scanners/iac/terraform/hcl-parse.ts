import { parse, type SgNode } from '@ast-grep/napi';

import { requireLanguage } from '../../../core/ast-languages.js';
import { firstError, isInvented, missing, notText, syntaxError, unclosed } from './hcl-errors.js';
import type { Attribute, Block, Expr, HclFile, ObjectEntry, Span, Step } from './hcl-model.js';
import { commonIndent, literal, other, PLAIN_STRING, simpleExpr, unescape } from './hcl-text.js';

/** Parse HCL text into blocks and attributes with their lines; the syntax tree is dropped. */
export function parseHcl(path: string, text: string): HclFile {
  if (text.includes('\u0000')) throw notText(path);
  requireLanguage('hcl');
  const root = parse('hcl', text).root();
  const error = firstError(root, text);
  if (error) throw syntaxError(path, error.range().start.line + 1);
  const reader = new Reader(path, text);
  const body = root.children().find((child) => child.kind() === 'body');
  const span = reader.span(root);
  const top: Block = {
    type: '',
    labels: [],
    attributes: new Map(),
    blocks: [],
    span,
    header: span,
  };
  if (body) reader.fillBody(body, top);
  return { path, body: top };
}

class Reader {
  private readonly lines: string[];

  constructor(
    private readonly path: string,
    text: string,
  ) {
    this.lines = text.split('\n');
  }

  span(node: SgNode): Span {
    const { start, end } = node.range();
    return {
      file: this.path,
      startLine: start.line + 1,
      startColumn: start.column + 1,
      endLine: end.line + 1,
      endColumn: end.column + 1,
    };
  }

  fillBody(body: SgNode, into: Block): void {
    for (const child of body.children()) {
      const kind = child.kind();
      if (kind === 'attribute') {
        const attribute = this.attribute(child);
        into.attributes.set(attribute.name, attribute);
      } else if (kind === 'block') {
        into.blocks.push(this.block(child));
      }
    }
  }

  private attribute(node: SgNode): Attribute {
    const children = node.children();
    const name = children[0].text();
    const value = children.find((child) => child.kind() === 'expression');
    const span = this.span(node);
    if (value?.text() === '') throw syntaxError(this.path, span.startLine, `${name} has no value`);
    return { name, expr: value ? this.expr(value) : other(node.text(), span), span };
  }

  private block(node: SgNode): Block {
    const labels: string[] = [];
    let type = '';
    let body: SgNode | undefined;
    let open: SgNode | undefined;
    for (const child of node.children()) {
      const kind = child.kind();
      if (kind === 'identifier' && type === '') type = child.text();
      else if (kind === 'identifier') labels.push(child.text());
      else if (kind === 'string_lit') labels.push(this.stringLit(child));
      else if (kind === 'block_start') open = child;
      else if (kind === 'block_end' && child.text() === '')
        throw unclosed(this.path, node, 'block');
      else if (kind === 'body') body = child;
    }
    const span = this.span(node);
    const headerEnd = open ? this.span(open) : span;
    const header = { ...span, endLine: headerEnd.endLine, endColumn: headerEnd.endColumn };
    const block: Block = { type, labels, attributes: new Map(), blocks: [], span, header };
    if (body) this.fillBody(body, block);
    return block;
  }

  private stringLit(node: SgNode): string {
    const text = node.text();
    if (PLAIN_STRING.test(text)) return unescape(text.slice(1, -1));
    return node
      .children()
      .filter((child) => child.kind() === 'template_literal')
      .map((child) => unescape(child.text()))
      .join('');
  }

  expr(node: SgNode): Expr {
    const span = this.span(node);
    const text = node.text();
    if (text === '') throw missing(this.path, node);
    const simple = simpleExpr(text, span);
    if (simple) return simple;
    const kind = node.kind();
    if (kind !== 'expression') return this.term(node);
    const children = node.children();
    if (children.length === 3 && children[0].kind() === '(') return this.expr(children[1]);
    if (children.length === 1) return this.term(children[0]);
    if (children[0].kind() !== 'variable_expr') return other(text, span);
    const steps = children.slice(1).map((child) => this.step(child));
    return { kind: 'traversal', root: children[0].text(), steps, text, span };
  }

  private step(node: SgNode): Step {
    const kind = node.kind();
    if (kind === 'get_attr') {
      const name = node.children().find((child) => child.kind() === 'identifier');
      return { kind: 'attr', name: name?.text() ?? '' };
    }
    if (kind === 'index') {
      const inner = node.children()[0];
      const expression = inner.children().find((child) => child.kind() === 'expression');
      if (expression) return { kind: 'index', index: this.expr(expression) };
      const digits = inner.text().replace(/^\./, '');
      return { kind: 'index', index: literal(Number(digits), digits, this.span(inner)) };
    }
    return { kind: 'splat' };
  }

  private term(node: SgNode): Expr {
    const span = this.span(node);
    const text = node.text();
    switch (node.kind()) {
      case 'literal_value':
        return this.term(node.children()[0]);
      case 'collection_value':
        return this.term(node.children()[0]);
      case 'numeric_lit':
        return literal(Number(text), text, span);
      case 'bool_lit':
        return literal(text === 'true', text, span);
      case 'null_lit':
        return literal(null, text, span);
      case 'string_lit':
        return literal(this.stringLit(node), text, span);
      case 'variable_expr':
        return { kind: 'traversal', root: text, steps: [], text, span };
      case 'tuple':
        this.closed(node, 'list');
        return { kind: 'tuple', items: this.expressions(node), text, span };
      case 'object':
        this.closed(node, 'map');
        return { kind: 'object', entries: this.entries(node), text, span };
      case 'template_expr':
        return this.template(node.children()[0]);
      case 'function_call':
        return this.call(node);
      case 'conditional':
        return this.conditional(node);
      case 'operation':
        return this.operation(node.children()[0]);
      default:
        return other(text, span);
    }
  }

  /** Throw when the closing bracket of a list, map or call was invented by the parser. */
  private closed(node: SgNode, what: string): void {
    const children = node.children();
    if (isInvented(children[children.length - 1])) throw unclosed(this.path, node, what);
  }

  private expressions(node: SgNode): Expr[] {
    return node
      .children()
      .filter((child) => child.kind() === 'expression')
      .map((child) => this.expr(child));
  }

  private entries(node: SgNode): ObjectEntry[] {
    return node
      .children()
      .filter((child) => child.kind() === 'object_elem')
      .map((elem) => {
        const [key, value] = elem.children().filter((child) => child.kind() === 'expression');
        return { key: this.expr(key), value: this.expr(value), span: this.span(elem) };
      });
  }

  private call(node: SgNode): Expr {
    this.closed(node, 'function call');
    const children = node.children();
    const args = children.find((child) => child.kind() === 'function_arguments');
    return {
      kind: 'call',
      name: children[0].text(),
      args: args ? this.expressions(args) : [],
      text: node.text(),
      span: this.span(node),
    };
  }

  private conditional(node: SgNode): Expr {
    const [test, then, otherwise] = this.expressions(node);
    return { kind: 'conditional', test, then, otherwise, text: node.text(), span: this.span(node) };
  }

  private operation(node: SgNode): Expr {
    const span = this.span(node);
    if (node.kind() !== 'unary_operation') return other(node.text(), span);
    const [operator, operand] = node.children();
    return {
      kind: 'unary',
      operator: operator.text(),
      operand: this.expr(operand),
      text: node.text(),
      span,
    };
  }

  private template(node: SgNode): Expr {
    const span = this.span(node);
    const text = node.text();
    const heredoc = node.kind() === 'heredoc_template';
    if (heredoc) return this.heredoc(node, span, text);
    const parts: (string | Expr)[] = [];
    for (const child of node.children()) {
      const kind = child.kind();
      if (kind === 'template_literal') parts.push(unescape(child.text()));
      else if (kind === 'template_interpolation') parts.push(this.interpolation(child));
      else if (kind === 'template_directive') parts.push(other(child.text(), this.span(child)));
    }
    return { kind: 'template', parts, text, span };
  }

  private interpolation(node: SgNode): Expr {
    const inner = node.children().find((child) => child.kind() === 'expression');
    return inner ? this.expr(inner) : other(node.text(), this.span(node));
  }

  /**
   * A heredoc's text is the lines between its markers, with `<<-` stripping their common
   * indentation; interpolations are cut out first (a private-use character marks their place)
   * so that stripping sees the lines as written.
   */
  private heredoc(node: SgNode, span: Span, text: string): Expr {
    const embedded = node
      .children()
      .filter((child) =>
        ['template_interpolation', 'template_directive'].includes(String(child.kind())),
      );
    const lines = this.lines.slice(span.startLine, span.endLine - 1);
    for (let i = embedded.length - 1; i >= 0; i--) {
      const { start, end } = embedded[i].range();
      const first = start.line - span.startLine;
      const last = end.line - span.startLine;
      const joined = `${lines[first].slice(0, start.column)}\uE000${i}\uE000${lines[last].slice(end.column)}`;
      lines.splice(first, last - first + 1, joined);
    }
    const strip = text.startsWith('<<-') ? commonIndent(lines) : 0;
    const content = `${lines.map((line) => line.slice(strip)).join('\n')}\n`;
    const parts = content.split(/\uE000(\d+)\uE000/).map((piece, index) => {
      if (index % 2 === 0) return piece.replace(/\$\$\{/g, '${');
      const child = embedded[Number(piece)];
      return child.kind() === 'template_interpolation'
        ? this.interpolation(child)
        : other(child.text(), this.span(child));
    });
    return { kind: 'template', parts: parts.filter((part) => part !== ''), text, span };
  }
}
