import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import type { Tool } from "../../domain/content/schema.ts";
import { ENTRY_TYPES } from "../../domain/kennisbank/schema.ts";
import { type Facets, PLACE_FILTERS, type SearchFilter } from "../api/kennisbank.ts";
import { shorten } from "../app/factors/factorIndex.ts";
import { AppLink } from "../app/links.tsx";
import { FormLabel, Heading2, Select, SelectOption } from "../app/utrecht.tsx";
import { useTranslation } from "./i18n.ts";
import { NO_FILTERS, type SearchState } from "./useSearchState.ts";

type Props = { search: SearchState; tool: Tool | null; facets: Facets | null };

/** The place filters as one list: "kind:value" (national: "national:true"). */
const NO_PLACE = Object.fromEntries(PLACE_FILTERS.map((name) => [name, ""])) as Record<(typeof PLACE_FILTERS)[number], string>;

/**
 * Filters for type, theme, factor, place (municipality, labour-market region, province or national, one list),
 * organisation, target group and evidence level; a change applies at once (and lands in the URL).
 */
export function SearchFilters({ search, tool, facets }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { filters } = search;

  function field(name: SearchFilter, options: ReactNode) {
    const id = `filter-${name}`;
    return (
      <div className={`utrecht-form-field search-filters__field search-filters__field--${name}`}>
        <div className="utrecht-form-field__label">
          <FormLabel htmlFor={id}>{t(`kennisbank.filters.${name}.label`)}</FormLabel>
        </div>
        <div className="utrecht-form-field__input">
          <Select id={id} value={filters[name]} onChange={(event) => navigate(search.href({ [name]: event.target.value }))}>
            <SelectOption value="">{t(`kennisbank.filters.${name}.all`)}</SelectOption>
            {options}
          </Select>
        </div>
      </div>
    );
  }

  const placeKind = PLACE_FILTERS.find((name) => filters[name]);
  const placeValue = placeKind ? `${placeKind}:${filters[placeKind]}` : "";
  const placeGroup = (kind: "municipality" | "labourRegion" | "province", values: readonly string[]) => {
    const all = filters[kind] && !values.includes(filters[kind]) ? [filters[kind], ...values] : values;
    return all.length === 0 ? null : (
      <optgroup key={kind} label={t(`kennisbank.filters.place.${kind}`)}>
        {all.map((value) => (
          <SelectOption key={value} value={`${kind}:${value}`} lang="nl">
            {value}
          </SelectOption>
        ))}
      </optgroup>
    );
  };
  const place = (
    <div className="utrecht-form-field search-filters__field search-filters__field--place">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor="filter-place">{t("kennisbank.filters.place.label")}</FormLabel>
      </div>
      <div className="utrecht-form-field__input">
        <Select
          id="filter-place"
          value={placeValue}
          onChange={(event) => {
            const [kind, ...rest] = event.target.value.split(":");
            navigate(search.href({ ...NO_PLACE, ...(kind ? { [kind]: rest.join(":") } : {}) }));
          }}
        >
          <SelectOption value="">{t("kennisbank.filters.place.all")}</SelectOption>
          {(facets?.national || filters.national) && (
            <SelectOption value="national:true">{t("kennisbank.filters.place.national")}</SelectOption>
          )}
          {placeGroup("province", facets?.provinces ?? [])}
          {placeGroup("labourRegion", facets?.labourRegions ?? [])}
          {placeGroup("municipality", facets?.municipalities ?? [])}
          {filters.region && (
            <optgroup label={t("kennisbank.filters.place.asWritten")}>
              <SelectOption value={`region:${filters.region}`} lang="nl">
                {filters.region}
              </SelectOption>
            </optgroup>
          )}
        </Select>
      </div>
    </div>
  );

  /** A value from the URL that is not (or no longer) in the list stays visible as the selected option. */
  const listed = (name: SearchFilter, values: readonly string[]) =>
    [...(filters[name] && !values.includes(filters[name]) ? [filters[name]] : []), ...values].map((value) => (
      <SelectOption key={value} value={value} lang="nl">
        {value}
      </SelectOption>
    ));

  return (
    <section className="search-filters" aria-labelledby="filters-titel">
      <Heading2 id="filters-titel" className="search-filters__title">
        {t("kennisbank.filters.title")}
      </Heading2>
      <div className="search-filters__grid">
        {field(
          "type",
          ENTRY_TYPES.map((type) => (
            <SelectOption key={type} value={type}>
              {t(`kennisbank.types.${type}`)}
            </SelectOption>
          )),
        )}
        {field(
          "theme",
          tool?.themes.map((theme, index) => (
            <SelectOption key={theme.id} value={theme.id} lang="nl">
              {index + 1}. {theme.title}
            </SelectOption>
          )),
        )}
        {field(
          "factor",
          tool?.themes.map((theme, index) => (
            <optgroup key={theme.id} label={t("kennisbank.filters.factor.group", { number: index + 1, title: theme.title })}>
              {theme.items.map((item) => (
                <SelectOption key={item.id} value={item.id} lang="nl">
                  {item.id} {shorten(item.text, 60)}
                </SelectOption>
              ))}
            </optgroup>
          )),
        )}
        {place}
        {field("organisation", listed("organisation", facets?.organisations ?? []))}
        {field("targetGroup", listed("targetGroup", facets?.targetGroups ?? []))}
        {field(
          "evidence",
          [
            ...(filters.evidence && !facets?.evidenceLevels.includes(filters.evidence as never) ? [filters.evidence] : []),
            ...(facets?.evidenceLevels ?? []),
          ].map((level) => (
            <SelectOption key={level} value={level} lang="nl">
              {level}
            </SelectOption>
          )),
        )}
      </div>
      {search.activeFilters > 0 && (
        <p className="search-filters__clear">
          <AppLink to={search.href(NO_FILTERS)}>{t("kennisbank.filters.clear")}</AppLink>
        </p>
      )}
    </section>
  );
}
