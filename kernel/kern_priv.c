/*
 * kern_priv.c - the privilege policy (see priv.h): the superuser, the
 * effective user id 0, holds every privilege, and nobody else holds
 * any.  There is no jail, securelevel or MAC to ask as well.
 */
#include <sys/errno.h>
#include <kernel/systm.h>
#include <kernel/priv.h>
#include <kernel/proc.h>
#include <kernel/ucred.h>

/* priv_check_cred: see priv.h. */
int
priv_check_cred(const struct ucred *cred, int priv)
{
	KASSERT(priv > 0, ("priv_check_cred: privilege %d", priv));
	(void)priv;
	return (cred->cr_uid == 0 ? 0 : EPERM);
}

/* priv_check: see priv.h. */
int
priv_check(struct thread *td, int priv)
{
	return (priv_check_cred(&td->td_proc->p_ucred, priv));
}
