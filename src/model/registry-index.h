/*
 * registry-index.h - the registry's indexes, private to the model: what
 * registry-finish.c builds and registry-query.c reads.  Nothing outside
 * src/model includes this; the rest of portreg asks registry.h.
 */
#ifndef PORTREG_REGISTRY_INDEX_H
#define PORTREG_REGISTRY_INDEX_H

#include <stddef.h>
#include <stdint.h>

struct registry;

/*
 * The indexes, as registry_finish builds them (the fields are private to
 * registry-finish.c, which builds them, and registry-query.c, which reads
 * them, whatever registry.h's comments on them say):
 *
 *  - by_port: the records with a port, by port_lo, then registry order.
 *    The registry is nearly always in port order already: one pass checks
 *    that, and a counting sort (stable, linear) handles the rest.
 *
 *  - by_name: a hash table of the service names, hashed as strcasecmp()
 *    folds them (tolower(), byte by byte), so that names strcasecmp()
 *    calls equal hash alike and share one chain.  by_name holds
 *    n_records links first, then n_by_name slots (a power of two): a slot
 *    is the first record (in registry order) of one name, or REG_NONE; a
 *    record's link is the next record of the same name, or REG_NONE.  A
 *    lookup walks one chain, so its answers come out in registry order
 *    with no sort (a qsort with strcasecmp took a quarter of a CSV
 *    search's instructions).
 *
 *  - people_by_id: a hash table of person ids (exact bytes): a slot is
 *    the first person defining the id, or REG_NONE; its size follows
 *    from n_people (registry_people_slots).
 */
#define REG_NONE	UINT32_MAX

int32_t	registry_person_in(const struct registry *reg, const char *id,
	    size_t mask);
uint32_t	registry_hash_map(const unsigned char *map, const char *s);
uint32_t	registry_hash(const char *s);
void	registry_fold_map(unsigned char *map);
size_t	registry_people_slots(const struct registry *reg);

#endif
