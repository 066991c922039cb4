import type { SgNode } from '@ast-grep/napi';

import type { RuleLanguage } from './languages.js';

/** A node kind that defines variables: where the names are and where the value is. */
export interface DefinitionKind {
  kind: string;
  target: string;
  value: string;
  /** True when the definition adds to the old value (`+=`) instead of replacing it. */
  accumulates?: boolean;
}

/** The grammar facts the taint engine needs for one language family. */
export interface TaintGrammar {
  /** Node kinds that open a new function scope. */
  functions: string[];
  /** Node kinds of a variable name (in uses, targets and parameters). */
  identifiers: string[];
  definitions: DefinitionKind[];
  /** Node kinds of the parameter list of a function. */
  parameters: string[];
  /** Node kinds of calls, and how to read their callee, receiver and arguments. */
  calls: string[];
  /** Node kinds whose value never carries taint (literals, numbers, booleans). */
  constants: string[];
  /** Calls, by last name, that return a value built from their arguments. */
  propagators: string[];
}

const JS: TaintGrammar = {
  functions: [
    'function_declaration',
    'function_expression',
    'arrow_function',
    'method_definition',
    'generator_function_declaration',
    'function',
  ],
  identifiers: [
    'identifier',
    'shorthand_property_identifier_pattern',
    'shorthand_property_identifier',
  ],
  definitions: [
    { kind: 'variable_declarator', target: 'name', value: 'value' },
    { kind: 'assignment_expression', target: 'left', value: 'right' },
    { kind: 'augmented_assignment_expression', target: 'left', value: 'right', accumulates: true },
    { kind: 'for_in_statement', target: 'left', value: 'right' },
  ],
  parameters: ['formal_parameters'],
  calls: ['call_expression', 'new_expression'],
  constants: ['number', 'true', 'false', 'null', 'undefined', 'regex'],
  propagators: [
    'String',
    'decodeURIComponent',
    'decodeURI',
    'unescape',
    'join',
    'resolve',
    'normalize',
    'concat',
    'format',
    'from',
    'stringify',
    'parse',
    'toString',
    'Buffer',
    'URL',
  ],
};

const PYTHON: TaintGrammar = {
  functions: ['function_definition', 'lambda'],
  identifiers: ['identifier'],
  definitions: [
    { kind: 'assignment', target: 'left', value: 'right' },
    { kind: 'augmented_assignment', target: 'left', value: 'right', accumulates: true },
    { kind: 'for_statement', target: 'left', value: 'right' },
    { kind: 'named_expression', target: 'name', value: 'value' },
  ],
  parameters: ['parameters'],
  calls: ['call'],
  constants: ['integer', 'float', 'true', 'false', 'none'],
  propagators: [
    'str',
    'format',
    'join',
    'bytes',
    'unquote',
    'urljoin',
    'Path',
    'abspath',
    'normpath',
    'loads',
    'dumps',
  ],
};

const GO: TaintGrammar = {
  functions: ['function_declaration', 'method_declaration', 'func_literal'],
  identifiers: ['identifier'],
  definitions: [
    { kind: 'short_var_declaration', target: 'left', value: 'right' },
    { kind: 'assignment_statement', target: 'left', value: 'right' },
    { kind: 'var_spec', target: 'name', value: 'value' },
  ],
  parameters: ['parameter_list'],
  calls: ['call_expression'],
  constants: ['int_literal', 'float_literal', 'true', 'false', 'nil'],
  propagators: [
    'Sprintf',
    'Join',
    'Clean',
    'string',
    'TrimSpace',
    'ToLower',
    'Replace',
    'ReplaceAll',
  ],
};

const JAVA: TaintGrammar = {
  functions: ['method_declaration', 'constructor_declaration', 'lambda_expression'],
  identifiers: ['identifier'],
  definitions: [
    { kind: 'variable_declarator', target: 'name', value: 'value' },
    { kind: 'assignment_expression', target: 'left', value: 'right' },
  ],
  parameters: ['formal_parameters'],
  calls: ['method_invocation', 'object_creation_expression'],
  constants: ['decimal_integer_literal', 'true', 'false', 'null_literal'],
  propagators: ['format', 'valueOf', 'concat', 'append', 'toString', 'get', 'of', 'File', 'URL'],
};

const RUBY: TaintGrammar = {
  functions: ['method', 'singleton_method', 'block', 'do_block'],
  identifiers: ['identifier'],
  definitions: [
    { kind: 'assignment', target: 'left', value: 'right' },
    { kind: 'operator_assignment', target: 'left', value: 'right', accumulates: true },
  ],
  parameters: ['method_parameters', 'block_parameters'],
  calls: ['call'],
  constants: ['integer', 'float', 'true', 'false', 'nil', 'simple_symbol'],
  propagators: ['format', 'join', 'to_s', 'expand_path'],
};

const PHP: TaintGrammar = {
  functions: [
    'function_definition',
    'method_declaration',
    'anonymous_function',
    'anonymous_function_creation_expression',
    'arrow_function',
  ],
  identifiers: ['variable_name'],
  definitions: [
    { kind: 'assignment_expression', target: 'left', value: 'right' },
    { kind: 'augmented_assignment_expression', target: 'left', value: 'right', accumulates: true },
  ],
  parameters: ['formal_parameters'],
  calls: ['function_call_expression', 'member_call_expression', 'scoped_call_expression'],
  constants: ['integer', 'float', 'boolean', 'null'],
  propagators: [
    'sprintf',
    'implode',
    'trim',
    'strtolower',
    'urldecode',
    'base64_decode',
    'str_replace',
  ],
};

const GRAMMARS: Record<RuleLanguage, TaintGrammar> = {
  js: JS,
  python: PYTHON,
  go: GO,
  java: JAVA,
  ruby: RUBY,
  php: PHP,
};

/** The taint grammar of a rule language. */
export function taintGrammar(language: RuleLanguage): TaintGrammar {
  return GRAMMARS[language];
}

/** A call's parts: the callee's last name, the receiver (for method calls) and arguments. */
export interface CallParts {
  name: string;
  receiver?: SgNode;
  args: SgNode[];
}

/** Split a call node into name, receiver and arguments, whatever the language's field names. */
export function callParts(call: SgNode): CallParts {
  const callee =
    call.field('function') ??
    call.field('constructor') ??
    call.field('name') ??
    call.field('method');
  const receiver = call.field('object') ?? call.field('receiver') ?? memberObject(callee);
  const argList = call.field('arguments');
  const args = argList ? argList.children().filter((child) => child.isNamed()) : [];
  return { name: lastName(callee), receiver: receiver ?? undefined, args };
}

function memberObject(callee: SgNode | null): SgNode | null {
  if (!callee) return null;
  return callee.field('object') ?? callee.field('operand') ?? null;
}

function lastName(callee: SgNode | null): string {
  if (!callee) return '';
  const name =
    callee.field('property') ?? callee.field('attribute') ?? callee.field('field') ?? callee;
  const text = name.text();
  const dot = Math.max(text.lastIndexOf('.'), text.lastIndexOf('::'), text.lastIndexOf('->'));
  return dot >= 0 ? text.slice(dot + 1).replace(/^[:>]/, '') : text;
}
