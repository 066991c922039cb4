/** A span of source text: the file and 1-based start and end lines and columns. */
export interface Span {
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A literal scalar as HCL writes it. */
export type Scalar = string | number | boolean | null;

/** An expression kept as its source text, with enough structure for literal evaluation. */
export type Expr =
  | { kind: 'literal'; value: Scalar; text: string; span: Span }
  | { kind: 'template'; parts: (string | Expr)[]; text: string; span: Span }
  | { kind: 'tuple'; items: Expr[]; text: string; span: Span }
  | { kind: 'object'; entries: ObjectEntry[]; text: string; span: Span }
  | { kind: 'traversal'; root: string; steps: Step[]; text: string; span: Span }
  | { kind: 'call'; name: string; args: Expr[]; text: string; span: Span }
  | { kind: 'conditional'; test: Expr; then: Expr; otherwise: Expr; text: string; span: Span }
  | { kind: 'unary'; operator: string; operand: Expr; text: string; span: Span }
  | { kind: 'other'; text: string; span: Span };

/** One step after a traversal's root: `.name`, `[0]` or `[expr]`, or a splat. */
export type Step =
  { kind: 'attr'; name: string } | { kind: 'index'; index: Expr } | { kind: 'splat' };

/** A `key = value` element of an object expression. */
export interface ObjectEntry {
  key: Expr;
  value: Expr;
  span: Span;
}

/** An attribute `name = expression` inside a body. */
export interface Attribute {
  name: string;
  expr: Expr;
  span: Span;
}

/** A block `type "label" ... { body }`, with its attributes and nested blocks in source order. */
export interface Block {
  type: string;
  labels: string[];
  attributes: Map<string, Attribute>;
  blocks: Block[];
  /** The whole block, from its type keyword to the closing brace. */
  span: Span;
  /** The header line: type, labels and the opening brace. */
  header: Span;
}

/** One parsed HCL file: its top-level attributes and blocks. */
export interface HclFile {
  path: string;
  body: Block;
}
