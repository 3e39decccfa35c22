import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import type { Database } from "#db/client";
import { templates, type EmailName } from "#emails/index";
import type { Locale } from "~/i18n";
import { runInLocale } from "~/i18n/request-locale.server";
import { loader as previewLoader } from "~/routes/dev.emails.$template";
import { loader as previewsLoader } from "~/routes/dev.emails._index";
import { EMAIL_PREVIEW_POLICY, loader as htmlLoader } from "~/routes/dev.emails.$template_.html";
import { appContext, testEnv } from "../setup/context";

// The loaders never reach the database: they write each template with its own example props.
const noDatabase = null as unknown as Database;
type Result = Response | { data: unknown; status: number };
type Preview = { name: string; locale: Locale; email: { subject: string; html: string; text: string } };

async function respond(fn: () => unknown): Promise<Result> {
  try {
    const result = await fn();
    return result instanceof Response ? result : { data: result, status: 200 };
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const at = (DEMO: string, more: Record<string, string> = {}) =>
  appContext(noDatabase, { env: testEnv({ DEMO, NODE_ENV: "production", ...more }), clientIp: "203.0.113.7" });
const list = (context: AppLoadContext) =>
  respond(() => previewsLoader({ request: new Request(new URL("/dev/emails", context.env.APP_URL)), context, params: {} } as LoaderFunctionArgs));
const open = (context: AppLoadContext, template: string, lang?: string) =>
  respond(() =>
    previewLoader({
      request: new Request(new URL(`/dev/emails/${template}${lang ? `?lang=${lang}` : ""}`, context.env.APP_URL)),
      context,
      params: { template },
    } as LoaderFunctionArgs),
  );

const names = Object.keys(templates) as EmailName[];
const subjectOf = (name: EmailName, locale: Locale) =>
  runInLocale(locale, () => {
    const template = templates[name] as unknown as { component: { PreviewProps: unknown }; subject: (p: unknown) => string };
    return template.subject(template.component.PreviewProps);
  });
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

describe("the demo's email previews", () => {
  const demo = at("true");

  it("lists every template the service sends", async () => {
    const result = await list(demo);
    expect(result.status).toBe(200);
    const listed = (result as { data: { templates: { name: string; subject: string }[] } }).data.templates;
    expect(listed.map((t) => t.name)).toEqual(names);
    for (const t of listed) expect(t.subject).not.toBe("");
  });

  it.each(names)("writes %s with its example, in English and in Welsh", async (name) => {
    const subjects: Record<string, string> = {};
    for (const lang of ["en", "cy"] as const) {
      const result = await open(demo, name, lang);
      expect(result.status).toBe(200);
      const { locale, email } = (result as { data: Preview }).data;
      expect(locale).toBe(lang);
      expect(email.subject).toBe(subjectOf(name, lang));
      expect(email.subject).not.toBe("");
      expect(email.html).toContain(escapeHtml(email.subject));
      expect(email.html).toContain(`lang="${lang}"`);
      expect(email.text.trim()).not.toBe("");
      subjects[lang] = email.subject;
    }
    expect(subjects.cy).not.toBe(subjects.en);
  });

  it("gives the frame each template's HTML as a document of its own, whose policy lets inline styles in and nothing else", async () => {
    const html = (template: string, lang: string, context = demo) =>
      respond(() =>
        htmlLoader({
          request: new Request(new URL(`/dev/emails/${template}/html?lang=${lang}`, context.env.APP_URL)),
          context,
          params: { template },
        } as LoaderFunctionArgs),
      );
    for (const name of names) {
      const result = (await html(name, "cy")) as Response;
      expect(result.status).toBe(200);
      expect(result.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
      expect(result.headers.get("Content-Security-Policy")).toBe(EMAIL_PREVIEW_POLICY);
      expect(result.headers.get("X-Frame-Options")).toBe("SAMEORIGIN");
      const body = await result.text();
      expect(body).toContain('lang="cy"');
      expect(body).toContain(escapeHtml(subjectOf(name, "cy")));
    }
    expect(EMAIL_PREVIEW_POLICY).not.toMatch(/script-src|unsafe-eval/);
    expect(((await html("no-such-email", "en")) as Response).status).toBe(404);
    expect(((await html(names[0], "en", at("false"))) as Response).status).toBe(404);
  });

  it("answers 404 for a template that does not exist", async () => {
    for (const template of ["no-such-email", "__proto__", "constructor", "layout", ""]) expect((await open(demo, template, "en")).status).toBe(404);
  });

  it("does not exist outside demo mode, however the app is reached", async () => {
    for (const DEMO of ["false", "local"]) {
      const context = appContext(noDatabase, {
        env: testEnv({ DEMO, NODE_ENV: "production", APP_URL: "https://marketplace.example.gov.uk" }),
        clientIp: "127.0.0.1",
      });
      expect(context.env.DEMO).toBe(false);
      expect((await list(context)).status).toBe(404);
      expect((await open(context, "password-reset", "en")).status).toBe(404);
    }
  });

  it("with DEMO=local, answers this machine only, as the mailbox does", async () => {
    const local = (clientIp: string) => appContext(noDatabase, { env: testEnv({ DEMO: "local", NODE_ENV: "production" }), clientIp });
    expect((await list(local("127.0.0.1"))).status).toBe(200);
    expect((await open(local("127.0.0.1"), "password-reset", "cy")).status).toBe(200);
    expect((await list(local("203.0.113.7"))).status).toBe(404);
    expect((await open(local("203.0.113.7"), "password-reset", "cy")).status).toBe(404);
  });
});
