/* machine/acpi.h: just enough ACPI to switch the machine off (acpi.c). */
#ifndef _MACHINE_ACPI_H_
#define _MACHINE_ACPI_H_

#include <sys/types.h>

struct acpi_softc {
	int	sc_ready;		/* everything below was found */
	paddr_t	sc_rsdp, sc_rsdt, sc_fadt, sc_dsdt;
	uint16_t sc_pm1a_cnt, sc_pm1b_cnt;	/* I/O ports */
	uint16_t sc_smi_cmd;
	uint8_t	sc_acpi_enable;
	uint8_t	sc_slp_typa, sc_slp_typb;	/* from \_S5 */
	const char *sc_why;		/* why not ready */
};
extern struct acpi_softc acpi_sc;

void	acpi_attach(void);
void	acpi_powerdown(void);
/* Find \_S5's two sleep type values in AML; 0 on success. */
int	acpi_find_s5(const uint8_t *aml, size_t len, uint8_t *a, uint8_t *b);

#endif /* _MACHINE_ACPI_H_ */
