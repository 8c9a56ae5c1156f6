/*
 * pthread_attr.c - thread attributes: the stack size and whether the
 * thread starts detached.
 */
#include <errno.h>
#include <pthread.h>

/* Default attributes: PTHREAD_STACK_DEFAULT bytes of stack, joinable. */
int
pthread_attr_init(pthread_attr_t *attr)
{
	attr->__stacksize = PTHREAD_STACK_DEFAULT;
	attr->__detachstate = PTHREAD_CREATE_JOINABLE;
	return (0);
}

/* Nothing to free. */
int
pthread_attr_destroy(pthread_attr_t *attr)
{
	(void)attr;
	return (0);
}

/* The stack size: at least PTHREAD_STACK_MIN (else EINVAL). */
int
pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return (EINVAL);
	attr->__stacksize = size;
	return (0);
}

int
pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
	*size = attr->__stacksize;
	return (0);
}

/* PTHREAD_CREATE_JOINABLE or PTHREAD_CREATE_DETACHED (else EINVAL). */
int
pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE &&
	    state != PTHREAD_CREATE_DETACHED)
		return (EINVAL);
	attr->__detachstate = state;
	return (0);
}

int
pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
	*state = attr->__detachstate;
	return (0);
}
