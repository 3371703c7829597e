/*
 * fuzz-query.c - libFuzzer harnesses over a small registry: the go-to
 * prompt's query parser (FUZZ_GOTO) and the search (FUZZ_PATTERN:
 * prefixes, PCRE2 compile, scan and span).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "pattern.h"
#include "query.h"
#include "registry.h"
#include "xmalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char fuzz_registry[] =
    "Service Name,Port Number,Transport Protocol,Description,Assignee,"
    "Contact,Registration Date,Modification Date,Reference,Service Code,"
    "Unauthorized Use Reported,Assignment Notes\n"
    ",0,tcp,Reserved,,,,2024-12-20,[RFC6335],,,\n"
    "echo,7,tcp,Echo,[Jon_Postel],[Jon_Postel],,,,,,\n"
    "discard,9,dccp,Discard,[Eddie_Kohler],[Eddie_Kohler],,,[RFC4340],"
    "1145656131,,\n"
    ",4-6,,Unassigned,,,,,,,,\n"
    "x11,6000-6063,tcp,\"X Window\nSystem\",[Stephen_Gildea],"
    "[Stephen_Gildea],,,,,,\"note \"\"quoted\"\"\"\n"
    "nbd,10809,tcp,Network Block Device,[Wouter_Verhelst],"
    "[Wouter_Verhelst],2010-08-02,2024-04-30,"
    "[https://github.com/NetworkBlockDevice/nbd],,,\n"
    "argus,,,ARGUS,[Dangling],[Dangling],,,,,,\n";

static struct registry	*reg;
#ifndef FUZZ_GOTO
static struct haystack	*hay;
#endif

static void
fuzz_init(void)
{
	char	*err = NULL;

	reg = load_buffer(fuzz_registry, sizeof fuzz_registry - 1, "fuzz",
	    LOAD_CSV, &err);
	if (reg == NULL)
		abort();
#ifndef FUZZ_GOTO
	/* (Only the search uses it: unused, LeakSanitizer calls it lost.) */
	hay = haystack_new(reg);
#endif
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*s;
	uint32_t	 out[16];

	if (reg == NULL)
		fuzz_init();
	s = xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
#ifdef FUZZ_GOTO
	{
		struct query	 q;
		const char	*why;

		if (query_parse(s, &q, &why) == 0)
			(void)query_run(reg, &q, out, 16);
		else if (why == NULL)
			abort();
	}
#else
	{
		struct pattern	*p;
		char		*err = NULL;
		size_t		 n, ms, me;
		int		 limited = 0;

		if ((p = pattern_new(s, &err)) != NULL) {
			n = pattern_scan(p, hay, out, 16, &limited);
			(void)n;
			(void)pattern_match(p, hay, 0);
			(void)pattern_span(p, fuzz_registry,
			    sizeof fuzz_registry - 1, 0, &ms, &me);
			pattern_free(p);
		} else if (err == NULL)
			abort();	/* a refusal always says why */
		free(err);
	}
#endif
	free(s);
	return 0;
}
