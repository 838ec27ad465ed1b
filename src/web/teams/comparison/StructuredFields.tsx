import { ORGANISATION_KINDS, type OrganisationKind } from "../../../domain/teams/comparison.ts";
import { comparisonApi } from "../../api/comparison.ts";
import { Field } from "../../app/ui/Field.tsx";
import { useLoad } from "../../app/useLoad.ts";
import { Select, SelectOption } from "../../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";

type Props = {
  kind: OrganisationKind | "";
  municipality: string;
  errors: { organisationKind?: string; municipality?: string };
  onKind: (kind: OrganisationKind | "") => void;
  onMunicipality: (municipality: string) => void;
};

/**
 * The structured team fields of the settings form: the kind of organisation and the municipality, both native selects
 * (typing the first letters jumps to an option; screen readers announce them as lists). The municipalities come from
 * content/regions.yaml, grouped by province.
 */
export function StructuredFields({ kind, municipality, errors, onKind, onMunicipality }: Props) {
  const { t } = useTranslation();
  const load = useLoad((signal) => comparisonApi.municipalities(signal), []);
  const list = load.status === "ready" ? load.data : [];
  const provinces = [...new Set(list.map((m) => m.province))].sort((a, b) => a.localeCompare(b, "nl"));
  // A municipality named before the list arrives (or no longer on it) stays selectable.
  const known = list.some((m) => m.name === municipality);
  return (
    <>
      <Field
        id="instellingen-soort"
        label={t("comparison.fields.kind")}
        description={t("comparison.fields.kindHint")}
        error={errors.organisationKind}
      >
        {(props) => (
          <Select {...props} value={kind} onChange={(e) => onKind(e.target.value as OrganisationKind | "")}>
            <SelectOption value="">{t("comparison.fields.kindNone")}</SelectOption>
            {ORGANISATION_KINDS.map((k) => (
              <SelectOption key={k} value={k}>
                {t(`comparison.kinds.${k}`)}
              </SelectOption>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id="instellingen-gemeente"
        label={t("comparison.fields.municipality")}
        description={load.status === "loading" ? t("comparison.fields.municipalityLoading") : t("comparison.fields.municipalityHint")}
        error={errors.municipality}
      >
        {(props) => (
          <Select {...props} value={municipality} busy={load.status === "loading"} onChange={(e) => onMunicipality(e.target.value)}>
            <SelectOption value="">{t("comparison.fields.municipalityNone")}</SelectOption>
            {municipality && !known && <SelectOption value={municipality}>{municipality}</SelectOption>}
            {provinces.map((province) => (
              <optgroup key={province} label={province}>
                {list
                  .filter((m) => m.province === province)
                  .map((m) => (
                    <SelectOption key={m.name} value={m.name}>
                      {m.name}
                    </SelectOption>
                  ))}
              </optgroup>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}
