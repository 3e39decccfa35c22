import { ItemTable } from "~/components/table";
import { Link } from "~/components/link";
import type { SchoolCategory } from "~/domain/schools/school-category.server";
import { formatDate } from "~/format";
import { t } from "~/i18n";

/** The school page's slot for the authority's categorisation, filled from loadSchoolCategory. */
export function SchoolCategorySection({ schoolId, category, canMoveSchools }: { schoolId: string; category: SchoolCategory; canMoveSchools: boolean }) {
  return (
    <section aria-labelledby="category-heading">
      <h2 className="govuk-heading-m" id="category-heading">
        {t("directory.category.heading")}
      </h2>
      <p className="govuk-body">{category.current ? t("directory.category.current", { category: category.current }) : t("directory.category.none")}</p>
      <p className="govuk-body">{category.adviser ? t("directory.category.adviser", { name: category.adviser }) : t("directory.category.noAdviser")}</p>
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/schools/${schoolId}/category`}>
            {t("directory.category.record")}
          </Link>
        </li>
        {canMoveSchools ? (
          <li>
            <Link className="govuk-link" to={`/schools/${schoolId}/consortium`}>
              {t("directory.category.consortiumHistory")}
            </Link>
          </li>
        ) : null}
      </ul>
      {category.history.length > 0 ? (
        <ItemTable
          caption={t("directory.category.history")}
          rowHeader={false}
          columns={[
            { label: t("directory.category.year"), cell: (h) => h.year },
            { label: t("directory.category.category"), cell: (h) => h.category },
            {
              label: t("directory.category.setOn"),
              cell: (h) => (
                <>
                  {formatDate(h.setOn)}
                  {h.setBy ? ` (${h.setBy})` : ""}
                </>
              ),
            },
          ]}
          items={category.history}
          rowKey={(h) => `${h.year}-${h.setOn}`}
        />
      ) : null}
    </section>
  );
}
