/*
 * rtc.c - the PC's battery-backed real-time clock (MC146818 in the
 * CMOS), read once at boot for the wall-clock time.  Under the test
 * harness QEMU starts it at 2024-01-01 and runs it on guest time.
 */
#include <kernel/systm.h>
#include <kernel/machdep.h>
#include <x86/cpufunc.h>

#define RTC_INDEX	0x70
#define RTC_DATA	0x71
#define RTC_SEC		0x00
#define RTC_MIN		0x02
#define RTC_HOUR	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_STATUSA	0x0a
#define  RTCSA_UIP	0x80	/* an update is in progress */
#define RTC_STATUSB	0x0b
#define  RTCSB_24HR	0x02
#define  RTCSB_BINARY	0x04
#define RTC_CENTURY	0x32	/* the usual place; 0 means 20xx */

static unsigned
rtc_read(unsigned reg)
{
	outb(RTC_INDEX, reg);
	return (inb(RTC_DATA));
}

static unsigned
rtc_value(unsigned v, bool binary)
{
	return (binary ? v : (v >> 4) * 10 + (v & 0xf));
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

/*
 * rtc_gettime: the RTC's time in seconds since the Epoch (UTC: the PC
 * clock is taken to keep UTC, as QEMU's does).  Boot only.
 */
int64_t
rtc_gettime(void)
{
	unsigned sec, min, hour, day, mon, year, cent, b;
	bool binary, pm;

	/* Between updates, so that the fields belong together. */
	while ((rtc_read(RTC_STATUSA) & RTCSA_UIP) != 0)
		;
	b = rtc_read(RTC_STATUSB);
	binary = (b & RTCSB_BINARY) != 0;
	sec = rtc_value(rtc_read(RTC_SEC), binary);
	min = rtc_value(rtc_read(RTC_MIN), binary);
	hour = rtc_read(RTC_HOUR);
	pm = (b & RTCSB_24HR) == 0 && (hour & 0x80) != 0;
	hour = rtc_value(hour & 0x7f, binary);
	if ((b & RTCSB_24HR) == 0)
		hour = hour % 12 + (pm ? 12 : 0);
	day = rtc_value(rtc_read(RTC_DAY), binary);
	mon = rtc_value(rtc_read(RTC_MONTH), binary);
	year = rtc_value(rtc_read(RTC_YEAR), binary);
	cent = rtc_value(rtc_read(RTC_CENTURY), binary);
	year += (cent >= 19 && cent <= 21 ? cent : 20) * 100;
	if (mon < 1 || mon > 12 || day < 1 || day > 31)
		return (0);
	return (days_from_civil(year, mon, day) * 86400 + hour * 3600 +
	    min * 60 + sec);
}
