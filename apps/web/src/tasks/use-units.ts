import { useTranslation } from "react-i18next";
import type { DurationUnits } from "./time";

export function useDurationUnits(): DurationUnits {
  const { t } = useTranslation();
  return {
    days: t("tasks.time.days"),
    hours: t("tasks.time.hours"),
    minutes: t("tasks.time.minutes"),
    underAMinute: t("tasks.time.underAMinute"),
  };
}
