import type { Message, MessageKey } from "./index";
import { grades as cyGrades } from "./cy/grades";
import { auditActions as cyAuditActions } from "./cy/audit-actions";
import { banners as cyBanners } from "./cy/banners";
import { refusals as cyRefusals } from "./cy/refusals";
import { refusalsMore as cyRefusalsMore } from "./cy/refusals-more";
import { catalogue as cyCatalogue } from "./cy/catalogue";
import { common as cyCommon } from "./cy/common";
import { consortia as cyConsortia } from "./cy/consortia";
import { delivery as cyDelivery } from "./cy/delivery";
import { exports as cyExports } from "./cy/exports";
import { forms as cyForms } from "./cy/forms";
import { funding as cyFunding } from "./cy/funding";
import { home as cyHome } from "./cy/home";
import { identity as cyIdentity } from "./cy/identity";
import { invoice as cyInvoice } from "./cy/invoice";
import { language as cyLanguage } from "./cy/language";
import { ledger as cyLedger } from "./cy/ledger";
import { money as cyMoney } from "./cy/money";
import { progress as cyProgress } from "./cy/progress";
import { purchasing as cyPurchasing } from "./cy/purchasing";
import { quality as cyQuality } from "./cy/quality";
import { reports as cyReports } from "./cy/reports";
import { reportspeed as cyReportspeed } from "./cy/reportspeed";
import { runtime as cyRuntime } from "./cy/runtime";
import { schools as cySchools } from "./cy/schools";
import { schoolview as cySchoolview } from "./cy/schoolview";
import { security as cySecurity } from "./cy/security";
import { stripe as cyStripe } from "./cy/stripe";
import { emails as cyEmails } from "./cy/emails";
import { welshrest as cyWelshrest } from "./cy/welshrest";
import { matchfunding as cyMatchfunding } from "./cy/matchfunding";
import { briefing as cyBriefing } from "./cy/briefing";
import { payouts as cyPayouts } from "./cy/payouts";
import { settings as cySettings } from "./cy/settings";
import { welshcontent as cyWelshcontent } from "./cy/welshcontent";
import { aftersale as cyAftersale } from "./cy/aftersale";
import { stripeRecon as cyStripeRecon } from "./cy/stripe-recon";
import { stripeLedger as cyStripeLedger } from "./cy/stripe-ledger";
import { conform as cyConform } from "./cy/conform";
import { csvHeaders as cyCsvHeaders } from "./cy/csv-headers";

/**
 * The Welsh catalogue: one spread per file of app/i18n/cy, named like its English file. A key
 * missing here falls back to English at run time; test/unit/i18n-parity.test.ts names it.
 */
export const cy: Partial<Record<MessageKey, Message>> = {
  ...cyCommon,
  ...cyGrades,
  ...cyIdentity,
  ...cyLedger,
  ...cyCatalogue,
  ...cyQuality,
  ...cyPurchasing,
  ...cyRuntime,
  ...cyExports,
  ...cyConsortia,
  ...cyForms,
  ...cySecurity,
  ...cySchools,
  ...cyMoney,
  ...cyHome,
  ...cyInvoice,
  ...cyProgress,
  ...cyBanners,
  ...cyAuditActions,
  ...cyStripe,
  ...cyFunding,
  ...cySchoolview,
  ...cyDelivery,
  ...cyReports,
  ...cyReportspeed,
  ...cyLanguage,
  ...cyRefusals,
  ...cyRefusalsMore,
  ...cyEmails,
  ...cyWelshrest,
  ...cyMatchfunding,
  ...cyBriefing,
  ...cyPayouts,
  ...cySettings,
  ...cyWelshcontent,
  ...cyAftersale,
  ...cyStripeRecon,
  ...cyStripeLedger,
  ...cyConform,
  ...cyCsvHeaders,
};
