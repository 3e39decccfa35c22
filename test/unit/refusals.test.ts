import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { AppError, ERROR_STATUS } from "~/domain/errors";
import { en } from "~/i18n/messages-en";

describe("the refusal codes", () => {
  it("are one closed map from code to status", () => {
    // By status, so that a code moved to another status, added or dropped shows here.
    const byStatus: Record<number, string[]> = {};
    for (const [code, status] of Object.entries(ERROR_STATUS)) (byStatus[status] ??= []).push(code);
    for (const codes of Object.values(byStatus)) codes.sort();
    expect(byStatus).toEqual({
      400: ["CLOSES_IN_PAST", "INVALID_INPUT", "MIN_SCHOOLS_TOO_HIGH", "ROLE_NOT_ALLOWED", "UNBALANCED"],
      401: ["INVALID_CREDENTIALS"],
      403: ["FORBIDDEN"],
      404: ["NOT_FOUND", "TOKEN_UNKNOWN"],
      409: ["CONFLICT", "FULL", "INSUFFICIENT_FUNDS", "INVALID_STATE", "POT_NOT_APPROVED"],
      410: ["TOKEN_EXPIRED", "TOKEN_USED"],
      429: ["RATE_LIMITED"],
    });
  });

  it("give every refusal the status of its code", () => {
    const message = "why";
    for (const [code, status] of Object.entries(ERROR_STATUS)) expect(new AppError(code as keyof typeof ERROR_STATUS, message).status).toBe(status);
  });
});

// The calls whose message reaches the user, and which argument holds it.
const MESSAGE_ARGUMENT: Record<string, number> = { AppError: 1, ensureCan: 3, ensurePower: 2, forbidden: 0, notFound: 0, notFoundPage: 0, invalid: 0 };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "i18n" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Words typed into the code: a string or template literal, also as a branch of `?:` or a part of `+`. */
function literalIn(node: ts.Expression): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) return true;
  if (ts.isParenthesizedExpression(node)) return literalIn(node.expression);
  if (ts.isConditionalExpression(node)) return literalIn(node.whenTrue) || literalIn(node.whenFalse);
  if (ts.isBinaryExpression(node)) return literalIn(node.left) || literalIn(node.right);
  // invalid({ field: ["…"] }): the messages by the field.
  if (ts.isObjectLiteralExpression(node)) return node.properties.some((p) => ts.isPropertyAssignment(p) && literalIn(p.initializer));
  if (ts.isArrayLiteralExpression(node)) return node.elements.some((e) => literalIn(e as ts.Expression));
  return false;
}

/** A function named for why something is refused (deliveryRefusal, moveRefusal): what it returns is shown to the user. */
function refusalFunctionName(node: ts.Node): string | undefined {
  if (ts.isFunctionDeclaration(node) && node.name && /Refusal$/.test(node.name.text)) return node.name.text;
  if (
    (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) &&
    ts.isVariableDeclaration(node.parent) &&
    ts.isIdentifier(node.parent.name) &&
    /Refusal$/.test(node.parent.name.text)
  )
    return node.parent.name.text;
  return undefined;
}

function englishMessages(path: string) {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression)) {
      const index = MESSAGE_ARGUMENT[node.expression.text];
      const argument = index === undefined ? undefined : node.arguments?.[index];
      if (argument && literalIn(argument))
        found.push(`${path}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 120)}`);
    }
    if (refusalFunctionName(node)) {
      const returns = (inner: ts.Node): void => {
        if (ts.isReturnStatement(inner) && inner.expression && literalIn(inner.expression))
          found.push(`${path}:${source.getLineAndCharacterOfPosition(inner.getStart()).line + 1}: ${inner.getText().slice(0, 120)}`);
        else if (!ts.isFunctionLike(inner)) ts.forEachChild(inner, returns);
      };
      const body = (node as ts.FunctionLikeDeclaration).body;
      if (body && !ts.isBlock(body)) {
        if (literalIn(body as ts.Expression)) found.push(`${path}: ${body.getText().slice(0, 120)}`);
      } else if (body) ts.forEachChild(body, returns);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const invalidFor = (errors: Record<string, string[]>) => errors;
const invalid = invalidFor;

describe("refusal messages", () => {
  it("come from the message catalogue: no English literal is passed to AppError, ensureCan, ensurePower, forbidden, notFound or invalid, nor returned by a …Refusal function", () => {
    expect(sourceFiles("app").flatMap(englishMessages)).toEqual([]);
  });

  it("finds a literal when there is one", () => {
    const path = join("test", "unit", "refusals.test.ts");
    expect(englishMessages(path).length).toBe(4);
    void (() => new AppError("CONFLICT", "A literal, so that the scan above can be seen to work"));
    const ensurePower = (_powers: object, _power: string, _message: string) => undefined;
    void (() => ensurePower({}, "buyer", "Only the school that bought this, typed here to be found"));
    void (() => invalid({ field: ["A message by the field, typed here to be found"] }));
    function exampleRefusal(given: boolean) {
      if (!given) return "A reason typed here to be found";
      return null;
    }
    void exampleRefusal;
  });

  it("have their Welsh in the catalogue under the same keys", async () => {
    const { refusals } = await import("~/i18n/cy/refusals");
    const { refusalsMore } = await import("~/i18n/cy/refusals-more");
    const english = Object.keys(en).filter((key) => key.startsWith("refusal."));
    expect([...Object.keys(refusals), ...Object.keys(refusalsMore)].sort()).toEqual(english.sort());
  });
});
