/*
 * kernel/arch/i386/acpi.c: power off through ACPI (soft-off, state S5).
 *
 * The firmware leaves tables in memory, found from the RSDP (which GRUB
 * copies into the boot information, else a search of the BIOS areas):
 *
 *   RSDP --> RSDT --> FACP (the FADT) --> PM1a/PM1b control ports
 *                                   \--> DSDT: AML code, with \_S5's
 *                                        package of sleep type values
 *
 * Entering S5 is one write to each PM1 control port: the sleep type for
 * S5 in bits 10-12 and SLP_EN (bit 13).  Tine does not run AML; it finds
 * the \_S5 package by its byte pattern, which is how small kernels do it
 * and suffices for QEMU, Bochs and most PCs of the 486-Pentium era (many
 * of which predate ACPI: then boot() falls back to halting).  The pattern
 * search, acpi_find_s5(), is in acpi_s5.c, where the host tests reach it.
 */

#include <sys/types.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <lib/libkern/libkern.h>
#include <machine/param.h>
#include <machine/cpu.h>
#include <machine/cpufunc.h>
#include <machine/multiboot2.h>
#include <machine/acpi.h>

#define RSDP_SIG	"RSD PTR "
#define RSDP_CHECKLEN	20		/* ACPI 1.0 part of the RSDP */
#define BIOS_EBDA_PTR	0x40E		/* segment of the EBDA */
#define BIOS_ROM_START	0xE0000
#define BIOS_ROM_END	0x100000
#define SDT_HDR_LEN	36
#define FADT_DSDT	40		/* offsets into the FADT */
#define FADT_SMI_CMD	48
#define FADT_ACPI_ENABLE 52
#define FADT_PM1A_CNT	64
#define FADT_PM1B_CNT	68
#define PM1_SCI_EN	0x0001
#define PM1_SLP_TYP_SHIFT 10
#define PM1_SLP_EN	0x2000

struct acpi_softc acpi_sc;

static int
acpi_checksum(const uint8_t *p, size_t len)
{
	uint8_t sum = 0;

	while (len-- > 0)
		sum += *p++;
	return sum;
}

/* A valid RSDP in [start, end), on 16-byte boundaries; 0 if none. */
static paddr_t
acpi_scan_rsdp(paddr_t start, paddr_t end)
{
	for (start &= ~15UL; start + RSDP_CHECKLEN <= end; start += 16) {
		const uint8_t *p = (const uint8_t *)PTOV(start);

		if (memcmp(p, RSDP_SIG, 8) == 0 &&
		    acpi_checksum(p, RSDP_CHECKLEN) == 0)
			return start;
	}
	return 0;
}

/* The RSDT's physical address, from GRUB's copy of the RSDP or a scan. */
static paddr_t
acpi_find_rsdt(void)
{
	const uint8_t *rsdp = mb2_info.acpi_rsdp;
	paddr_t pa;

	if (mb2_info.acpi_rsdp_len >= RSDP_CHECKLEN &&
	    memcmp(rsdp, RSDP_SIG, 8) == 0 &&
	    acpi_checksum(rsdp, RSDP_CHECKLEN) == 0)
		return *(const uint32_t *)(rsdp + 16);
	pa = (paddr_t)*(const uint16_t *)PTOV(BIOS_EBDA_PTR) << 4;
	if (pa != 0)
		pa = acpi_scan_rsdp(pa, pa + 1024);
	if (pa == 0)
		pa = acpi_scan_rsdp(BIOS_ROM_START, BIOS_ROM_END);
	acpi_sc.sc_rsdp = pa;
	return pa ? *(const uint32_t *)(PTOV(pa) + 16) : 0;
}

/* Map a whole system description table and check its checksum. */
static const uint8_t *
acpi_map_table(paddr_t pa, const char *sig)
{
	const uint8_t *h = bootmap_phys(pa, SDT_HDR_LEN);
	uint32_t len;

	if (h == NULL || (sig != NULL && memcmp(h, sig, 4) != 0))
		return NULL;
	len = *(const uint32_t *)(h + 4);
	if (len < SDT_HDR_LEN || len > 1024 * 1024)
		return NULL;
	h = bootmap_phys(pa, len);
	if (h == NULL || acpi_checksum(h, len) != 0)
		return NULL;
	return h;
}

/* The FADT, found among the RSDT's entries. */
static const uint8_t *
acpi_find_fadt(const uint8_t *rsdt)
{
	uint32_t n = (*(const uint32_t *)(rsdt + 4) - SDT_HDR_LEN) / 4, i;
	const uint32_t *entry = (const uint32_t *)(rsdt + SDT_HDR_LEN);

	for (i = 0; i < n; i++) {
		const uint8_t *t = acpi_map_table(entry[i], "FACP");

		if (t != NULL) {
			acpi_sc.sc_fadt = entry[i];
			return t;
		}
	}
	return NULL;
}

static const char *
acpi_probe(struct acpi_softc *sc)
{
	const uint8_t *rsdt, *fadt, *dsdt;

	if ((sc->sc_rsdt = acpi_find_rsdt()) == 0)
		return "no RSDP";
	if ((rsdt = acpi_map_table(sc->sc_rsdt, "RSDT")) == NULL)
		return "bad RSDT";
	if ((fadt = acpi_find_fadt(rsdt)) == NULL)
		return "no FADT";
	sc->sc_dsdt = *(const uint32_t *)(fadt + FADT_DSDT);
	sc->sc_smi_cmd = *(const uint32_t *)(fadt + FADT_SMI_CMD);
	sc->sc_acpi_enable = fadt[FADT_ACPI_ENABLE];
	sc->sc_pm1a_cnt = *(const uint32_t *)(fadt + FADT_PM1A_CNT);
	sc->sc_pm1b_cnt = *(const uint32_t *)(fadt + FADT_PM1B_CNT);
	if (sc->sc_pm1a_cnt == 0)
		return "no PM1a control port";
	if ((dsdt = acpi_map_table(sc->sc_dsdt, "DSDT")) == NULL)
		return "bad DSDT";
	if (acpi_find_s5(dsdt + SDT_HDR_LEN,
	    *(const uint32_t *)(dsdt + 4) - SDT_HDR_LEN,
	    &sc->sc_slp_typa, &sc->sc_slp_typb) != 0)
		return "no \\_S5 in the DSDT";
	return NULL;
}

/* Find the tables at boot, while a failure can still be reported. */
void
acpi_attach(void)
{
	struct acpi_softc *sc = &acpi_sc;

	sc->sc_why = acpi_probe(sc);
	sc->sc_ready = sc->sc_why == NULL;
	if (sc->sc_ready)
		printf("acpi0: RSDT 0x%lx, PM1a_CNT 0x%x, S5 type %u\n",
		    sc->sc_rsdt, sc->sc_pm1a_cnt, sc->sc_slp_typa);
	else
		printf("acpi0: not used (%s); power-off will try Bochs's "
		    "port, then halt\n", sc->sc_why);
}

/* Enter S5.  Returns only if the machine is still on. */
void
acpi_powerdown(void)
{
	struct acpi_softc *sc = &acpi_sc;
	int i;

	if (!sc->sc_ready)
		return;
	if ((inw(sc->sc_pm1a_cnt) & PM1_SCI_EN) == 0 &&
	    sc->sc_smi_cmd != 0 && sc->sc_acpi_enable != 0) {
		outb(sc->sc_smi_cmd, sc->sc_acpi_enable);
		for (i = 0; i < 300 && !(inw(sc->sc_pm1a_cnt) & PM1_SCI_EN);
		    i++)
			delay(10000);
	}
	outw(sc->sc_pm1a_cnt, sc->sc_slp_typa << PM1_SLP_TYP_SHIFT |
	    PM1_SLP_EN);
	if (sc->sc_pm1b_cnt != 0)
		outw(sc->sc_pm1b_cnt, sc->sc_slp_typb << PM1_SLP_TYP_SHIFT |
		    PM1_SLP_EN);
	delay(100000);
}
