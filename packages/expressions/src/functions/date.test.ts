import { describe, expect, it } from "vitest";
import { errorCode, formula } from "./test-support";

const at = (iso: string, timeZone = "Asia/Shanghai") => ({ now: new Date(iso), timeZone });

describe("date functions", () => {
  it("TODAY and NOW come from the injected clock and time zone", () => {
    // 2024-03-15T20:00Z is already the 16th in Shanghai but still the 15th in New York.
    expect(formula("TODAY()", {}, at("2024-03-15T20:00:00Z"))).toBe("2024-03-16");
    expect(formula("TODAY()", {}, at("2024-03-15T20:00:00Z", "America/New_York"))).toBe("2024-03-15");
    expect(formula("TODAY()", {}, { now: new Date("2024-03-15T20:00:00Z") })).toBe("2024-03-16");
    expect(formula("NOW()", {}, at("2024-03-15T20:00:00Z"))).toBe("2024-03-15T20:00:00.000Z");
    expect(formula("HOUR(NOW())", {}, at("2024-03-15T20:00:00Z"))).toBe(4);
  });

  it("an unknown time zone is #VALUE!, not an exception", () => {
    expect(errorCode(formula("TODAY()", {}, at("2024-03-15T20:00:00Z", "Mars/Olympus")))).toBe("#VALUE!");
  });

  it("DATE overflows months and days and maps years below 1900 like Excel", () => {
    expect(formula("DATE(2024,2,30)")).toBe("2024-03-01");
    expect(formula("DATE(2024,0,1)")).toBe("2023-12-01");
    expect(formula("DATE(2024,3,0)")).toBe("2024-02-29");
    expect(formula("DATE(24,1,1)")).toBe("1924-01-01");
    expect(errorCode(formula("DATE(-1,1,1)"))).toBe("#NUM!");
  });

  it("reads ISO dates, datetimes with offsets and epoch milliseconds", () => {
    expect(formula('YEAR("2024-12-31T23:30:00-05:00")')).toBe(2025);
    expect(formula("DAY(ts)", { ts: Date.UTC(2024, 0, 31, 20) })).toBe(1);
    expect(formula('MONTH("2024/7/4")')).toBe(7);
    expect(errorCode(formula('YEAR("2024-02-30")'))).toBe("#VALUE!");
    expect(errorCode(formula('YEAR("soon")'))).toBe("#VALUE!");
    expect(formula("YEAR(nothing)")).toBeNull();
  });

  it("WEEKDAY and WEEKNUM", () => {
    expect(formula('WEEKDAY("2024-03-17")')).toBe(1);
    expect(formula('WEEKDAY("2024-03-17",2)')).toBe(7);
    expect(formula('WEEKDAY("2024-03-17",3)')).toBe(6);
    expect(errorCode(formula('WEEKDAY("2024-03-17",9)'))).toBe("#NUM!");
    // 2024-03-17 is a Sunday: type 16 starts weeks on Saturday, type 17 on Sunday.
    expect(formula('WEEKDAY("2024-03-17",16)')).toBe(2);
    expect(formula('WEEKDAY("2024-03-17",17)')).toBe(1);
    expect(formula('WEEKDAY("2024-03-17",11)')).toBe(7);
    expect(formula('WEEKNUM("2024-01-06",16)')).toBe(2);
    expect(errorCode(formula('WEEKNUM("2024-01-06",3)'))).toBe("#NUM!");
    expect(formula('WEEKNUM("2024-01-06")')).toBe(1);
    expect(formula('WEEKNUM("2024-01-07")')).toBe(2);
    expect(formula('WEEKNUM("2024-01-07",2)')).toBe(1);
    expect(formula('WEEKNUM("2021-01-01",21)')).toBe(53);
    expect(formula('WEEKNUM("2024-12-30",21)')).toBe(1);
  });

  it("DAYS, DATEDIF and date arithmetic", () => {
    expect(formula('DAYS("2024-03-01","2024-02-01")')).toBe(29);
    expect(formula('DATEDIF("2024-01-31","2024-03-01","M")')).toBe(1);
    expect(formula('DATEDIF("2023-01-15","2024-03-10","MD")')).toBe(24);
    expect(formula('DATEDIF("2023-01-15","2024-03-10","YM")')).toBe(1);
    expect(formula('DATEDIF("2023-01-15","2024-03-10","YD")')).toBe(55);
    expect(formula('DATEDIF("2023-01-15","2024-03-10","D")')).toBe(420);
    expect(errorCode(formula('DATEDIF("2024-03-10","2023-01-15","D")'))).toBe("#NUM!");
    expect(errorCode(formula('DATEDIF("2023-01-15","2024-03-10","W")'))).toBe("#NUM!");
    expect(formula('"2024-02-28"+2')).toBe("2024-03-01");
    expect(formula('"2024-03-01"-"2024-02-01"')).toBe(29);
    expect(formula('"2024-03-01T00:00:00Z"+0.5')).toBe("2024-03-01T12:00:00.000Z");
  });

  it("EDATE and EOMONTH clamp to month ends", () => {
    expect(formula('EDATE("2024-03-31",-1)')).toBe("2024-02-29");
    expect(formula('EDATE("2024-01-15",12)')).toBe("2025-01-15");
    expect(formula('EOMONTH("2024-03-15",0)')).toBe("2024-03-31");
    expect(formula('EOMONTH("2024-03-15",-13)')).toBe("2023-02-28");
  });

  it("NETWORKDAYS and WORKDAY skip weekends and holidays", () => {
    expect(formula('NETWORKDAYS("2024-03-15","2024-03-01")')).toBe(-11);
    expect(formula('NETWORKDAYS("2024-03-01","2024-03-15",hol)', { hol: ["2024-03-04", "2024-03-09"] })).toBe(
      10,
    );
    expect(formula('WORKDAY("2024-03-15",-5)')).toBe("2024-03-08");
    expect(formula('WORKDAY("2024-03-15",1,hol)', { hol: ["2024-03-18"] })).toBe("2024-03-19");
    expect(formula('WORKDAY("2024-03-16",0)')).toBe("2024-03-16");
  });
});
