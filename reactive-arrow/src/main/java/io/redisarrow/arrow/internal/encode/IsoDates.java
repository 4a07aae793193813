package io.redisarrow.arrow.internal.encode;

import java.time.LocalDate;

/**
 * Writes epoch days as ISO-8601 {@code YYYY-MM-DD}, arithmetically (no {@link LocalDate} per
 * value). The scan side reads a four-digit year, so only the years 0000 to 9999 have this form;
 * callers write other days another way.
 */
final class IsoDates {

    /** The length of {@code YYYY-MM-DD}. */
    static final int LENGTH = 10;

    /** 0000-01-01 as a count of days since 1970-01-01. */
    static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();

    /** 9999-12-31 as a count of days since 1970-01-01. */
    static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    private static final long DAYS_PER_400_YEARS = 146_097;

    /** Days from 0000-03-01, the start of the proleptic Gregorian eras counted below, to 1970-01-01. */
    private static final long DAYS_FROM_ERA_START = 719_468;

    private IsoDates() {
    }

    /**
     * @param epochDay days since 1970-01-01
     * @return whether the day has a four-digit year (0000 to 9999)
     */
    static boolean hasIsoForm(long epochDay) {
        return epochDay >= FIRST_DAY && epochDay <= LAST_DAY;
    }

    /**
     * Writes {@code YYYY-MM-DD}.
     *
     * @param epochDay a day for which {@link #hasIsoForm} holds
     * @param into the array, with {@link #LENGTH} bytes free at {@code at}
     * @param at where to start
     * @return where the date ends (exclusive)
     */
    static int write(long epochDay, byte[] into, int at) {
        // Years counted from March (so the leap day ends a year) in 400-year eras of equal length:
        // the day of the era gives the year of the era, the day of that year gives the month.
        long days = epochDay + DAYS_FROM_ERA_START;
        long era = Math.floorDiv(days, DAYS_PER_400_YEARS);
        long dayOfEra = days - era * DAYS_PER_400_YEARS;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        long month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        int i = AsciiDigits.writePadded(year, 4, into, at);
        into[i++] = '-';
        i = AsciiDigits.writePadded(month, 2, into, i);
        into[i++] = '-';
        return AsciiDigits.writePadded(day, 2, into, i);
    }
}
