// Every demo person the README lists, in the order of its table.
export const DEMO_PEOPLE = [
  "la.admin@arden.demo",
  "finance@arden.demo",
  "commissioner@arden.demo",
  "adviser@arden.demo",
  "chair@arden.demo",
  "panel.one@arden.demo",
  "panel.two@arden.demo",
  "lead@arden.demo",
  "head@arden.demo",
  "sbm@arden.demo",
  "provider@arden.demo",
  "teaching.school@arden.demo",
  "la.admin@glanteifi.demo",
] as const;
