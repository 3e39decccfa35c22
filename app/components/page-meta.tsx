import { Meta } from "@remix-run/react";
import { useContext } from "react";
// Remix renders the title from each route's meta(), which sees loader data only; the router's state
// also holds the action's answer, so a failed submission can reach meta() through the leaf's data.
import { UNSAFE_DataRouterStateContext } from "react-router-dom";
import { FORM_FAILED, showsErrors } from "~/page-title";

/** Remix's <Meta>, told when the form just submitted on this page failed, so its title can say "Error: ". */
export function PageMeta() {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const leaf = state?.matches.at(-1)?.route.id;
  const failed = !!state?.actionData && Object.values(state.actionData).some(showsErrors);
  if (!state || !leaf || !failed) return <Meta />;
  const loaderData = { ...state.loaderData, [leaf]: { ...(state.loaderData[leaf] ?? {}), [FORM_FAILED]: true } };
  return (
    <UNSAFE_DataRouterStateContext.Provider value={{ ...state, loaderData }}>
      <Meta />
    </UNSAFE_DataRouterStateContext.Provider>
  );
}
