// The English catalogue: one spread per file of app/i18n/en.
import { grades } from "./en/grades";
import { auditActions } from "./en/audit-actions";
import { banners } from "./en/banners";
import { catalogue } from "./en/catalogue";
import { common } from "./en/common";
import { consortia } from "./en/consortia";
import { delivery } from "./en/delivery";
import { exports } from "./en/exports";
import { forms } from "./en/forms";
import { funding } from "./en/funding";
import { home } from "./en/home";
import { identity } from "./en/identity";
import { invoice } from "./en/invoice";
import { language } from "./en/language";
import { ledger } from "./en/ledger";
import { money } from "./en/money";
import { progress } from "./en/progress";
import { purchasing } from "./en/purchasing";
import { quality } from "./en/quality";
import { reports } from "./en/reports";
import { reportspeed } from "./en/reportspeed";
import { runtime } from "./en/runtime";
import { schools } from "./en/schools";
import { schoolview } from "./en/schoolview";
import { refusals } from "./en/refusals";
import { refusalsMore } from "./en/refusals-more";
import { security } from "./en/security";
import { stripe } from "./en/stripe";
import { emails } from "./en/emails";
import { welshrest } from "./en/welshrest";
import { matchfunding } from "./en/matchfunding";
import { briefing } from "./en/briefing";
import { payouts } from "./en/payouts";
import { settings } from "./en/settings";
import { welshcontent } from "./en/welshcontent";
import { aftersale } from "./en/aftersale";
import { stripeRecon } from "./en/stripe-recon";
import { stripeLedger } from "./en/stripe-ledger";
import { conform } from "./en/conform";
import { csvHeaders } from "./en/csv-headers";

export const en = {
  ...common,
  ...grades,
  ...identity,
  ...ledger,
  ...catalogue,
  ...quality,
  ...purchasing,
  ...runtime,
  ...exports,
  ...consortia,
  ...forms,
  ...security,
  ...schools,
  ...money,
  ...home,
  ...invoice,
  ...progress,
  ...banners,
  ...auditActions,
  ...stripe,
  ...funding,
  ...schoolview,
  ...delivery,
  ...reports,
  ...reportspeed,
  ...language,
  ...refusals,
  ...refusalsMore,
  ...emails,
  ...welshrest,
  ...matchfunding,
  ...briefing,
  ...payouts,
  ...settings,
  ...welshcontent,
  ...aftersale,
  ...stripeRecon,
  ...stripeLedger,
  ...conform,
  ...csvHeaders,
};
