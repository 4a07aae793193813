package io.redisarrow.arrow.internal.consumer;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Parses ISO-8601 dates and date-times from ASCII bytes into epoch values, arithmetically.
 *
 * <p>Accepted: {@code YYYY-MM-DD}, optionally followed by {@code T} or a space and
 * {@code HH:MM[:SS[.fraction]]} (1 to 9 fraction digits), optionally followed by {@code Z} or an
 * offset {@code +HH}, {@code +HHMM}, {@code +HH:MM} (or {@code -}). Offsets are applied: the
 * result is the UTC instant. A value without an offset is a wall-clock time in the zone the
 * caller gives ({@code null}: taken as UTC, i.e. a naive timestamp keeps its wall clock).
 * Ranges are checked (months, days of the month with leap years, 00-23 hours, 00-59 minutes and
 * seconds; a leap second 60 is rejected). A plain integer is an epoch value in the caller's unit.
 */
final class Temporal {

    static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final long SECONDS_PER_DAY = 86_400L;

    private Temporal() {
    }

    /**
     * @return epoch seconds; the nanosecond part is left in {@code nanos[0]}
     * @throws ParseFailure when the bytes are not a date or date-time
     */
    static long parseEpochSecond(byte[] data, int offset, int length, ZoneRules zone, int[] nanos) {
        int end = offset + length;
        if (length < 10) {
            throw ParseFailure.INSTANCE;
        }
        int year = digits(data, offset, 4);
        expect(data, offset + 4, '-');
        int month = digits(data, offset + 5, 2);
        expect(data, offset + 7, '-');
        int day = digits(data, offset + 8, 2);
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            throw ParseFailure.INSTANCE;
        }
        long epochDay = epochDay(year, month, day);
        int i = offset + 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nano = 0;
        if (i < end && (data[i] == 'T' || data[i] == 't' || data[i] == ' ')) {
            if (end - i < 6) {
                throw ParseFailure.INSTANCE;
            }
            hour = digits(data, i + 1, 2);
            expect(data, i + 3, ':');
            minute = digits(data, i + 4, 2);
            i += 6;
            if (i < end && data[i] == ':') {
                if (end - i < 3) {
                    throw ParseFailure.INSTANCE;
                }
                second = digits(data, i + 1, 2);
                i += 3;
                if (i < end && (data[i] == '.' || data[i] == ',')) {
                    i++;
                    int start = i;
                    int scale = 100_000_000;
                    for (; i < end && data[i] >= '0' && data[i] <= '9'; i++) {
                        if (i - start >= 9) {
                            throw ParseFailure.INSTANCE;
                        }
                        nano += (data[i] - '0') * scale;
                        scale /= 10;
                    }
                    if (i == start) {
                        throw ParseFailure.INSTANCE;
                    }
                }
            }
            if (hour > 23 || minute > 59 || second > 59) {
                throw ParseFailure.INSTANCE;
            }
        }
        long localSeconds = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
        long epochSecond;
        if (i == end) {
            epochSecond = zone == null ? localSeconds : localSeconds - offsetSeconds(zone, localSeconds, nano);
        } else {
            epochSecond = localSeconds - parseOffset(data, i, end);
        }
        nanos[0] = nano;
        return epochSecond;
    }

    /** @throws ParseFailure when the bytes are not a date or date-time */
    static long parseEpochDay(byte[] data, int offset, int length, int[] scratch) {
        return Math.floorDiv(parseEpochSecond(data, offset, length, null, scratch), SECONDS_PER_DAY);
    }

    /**
     * Converts to a count of {@code unitNanos}-long units since the epoch, truncating finer
     * fractions toward the past.
     *
     * @throws ParseFailure on overflow
     */
    static long toUnit(long epochSecond, int nano, long unitsPerSecond) {
        try {
            long whole = Math.multiplyExact(epochSecond, unitsPerSecond);
            return Math.addExact(whole, nano / (NANOS_PER_SECOND / unitsPerSecond));
        } catch (ArithmeticException e) {
            throw ParseFailure.INSTANCE;
        }
    }

    private static long offsetSeconds(ZoneRules zone, long localSeconds, int nano) {
        if (zone.isFixedOffset()) {
            return zone.getOffset(java.time.Instant.EPOCH).getTotalSeconds();
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(localSeconds, nano, ZoneOffset.UTC);
        return zone.getOffset(local).getTotalSeconds();
    }

    private static int parseOffset(byte[] data, int i, int end) {
        byte sign = data[i];
        if ((sign == 'Z' || sign == 'z') && i + 1 == end) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            throw ParseFailure.INSTANCE;
        }
        int rest = end - i - 1;
        int hours;
        int minutes = 0;
        if (rest == 2) {
            hours = digits(data, i + 1, 2);
        } else if (rest == 4) {
            hours = digits(data, i + 1, 2);
            minutes = digits(data, i + 3, 2);
        } else if (rest == 5 && data[i + 3] == ':') {
            hours = digits(data, i + 1, 2);
            minutes = digits(data, i + 4, 2);
        } else {
            throw ParseFailure.INSTANCE;
        }
        if (hours > 18 || minutes > 59) {
            throw ParseFailure.INSTANCE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static int digits(byte[] data, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int digit = data[i] - '0';
            if (digit < 0 || digit > 9) {
                throw ParseFailure.INSTANCE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static void expect(byte[] data, int at, char c) {
        if (data[at] != c) {
            throw ParseFailure.INSTANCE;
        }
    }

    static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** @return the rules of a zone id such as {@code UTC}, {@code Europe/Paris} or {@code +02:00}, or null for none */
    static ZoneRules rules(String timezone) {
        return timezone == null ? null : ZoneId.of(timezone).getRules();
    }
}
