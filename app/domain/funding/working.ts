// How a part and an amount read in the preview and the export (no I/O).
import { formatPence } from "~/format";
import { t, type MessageKey } from "~/i18n";
import type { FormulaPart, Working } from "./rules";

const phaseName = (phase: string) => (phase === "all" ? t("funding.phase.all") : t(`phase.${phase}` as MessageKey).toLowerCase());

/** A part as one sentence: "Chair: £6,000.00 under 15 schools, £12,000.00 at 15 or more". */
export function describePart(part: FormulaPart): string {
  switch (part.kind) {
    case "size_band":
      return t("funding.part.describe.size_band", {
        label: part.label,
        below: formatPence(part.belowPence),
        from: formatPence(part.fromPence),
        schools: part.fromSchools,
      });
    case "per_pupil":
      return t(part.basis === "total" ? "funding.part.describe.per_pupil_total" : "funding.part.describe.per_pupil_rate", {
        label: part.label,
        amount: formatPence(part.amountPence),
        phase: phaseName(part.phase),
      });
    case "category":
      return t("funding.part.describe.category", { label: part.label, rate: formatPence(part.ratePence), category: part.category });
    case "match":
      return t("funding.part.describe.match", { label: part.label, rate: formatPence(part.ratePence) });
  }
}

/** The working of one amount: "14 schools (under 15): £24,200.00". */
export function describeWorking(w: Working): string {
  switch (w.kind) {
    case "size_band":
      return t(w.large ? "funding.working.bandFrom" : "funding.working.bandBelow", {
        schools: w.schools,
        from: w.fromSchools,
        amount: formatPence(w.amountPence),
      });
    case "per_pupil_total":
      return t("funding.working.shareOfTotal", {
        pupils: w.pupils,
        eligible: w.eligiblePupils,
        total: formatPence(w.totalPence),
        amount: formatPence(w.amountPence),
      });
    case "per_pupil_rate":
      return t("funding.working.rate", { pupils: w.pupils, rate: formatPence(w.ratePence), amount: formatPence(w.amountPence) });
    case "category":
      return t("funding.working.category", { category: w.category, pupils: w.pupils, rate: formatPence(w.ratePence), amount: formatPence(w.amountPence) });
    case "match":
      return t("funding.working.match", { pupils: w.pupils, rate: formatPence(w.ratePence), amount: formatPence(w.amountPence) });
  }
}
