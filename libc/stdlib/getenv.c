/*
 * getenv.c - the environment: environ, getenv, setenv, unsetenv.
 *
 * environ is the NULL-terminated array of "name=value" strings that
 * crt0 sets from the stack the kernel built at exec; programs may also
 * assign it.  The first setenv() or unsetenv() copies the array into
 * the heap so that it can grow; after that, the strings setenv made are
 * remembered (owned[i] says environ[i] is one) so that replacing or
 * removing one frees it.  If the program assigns environ again, libc
 * starts over from the new array (and forgets, without freeing, the
 * strings it made before).
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

char **environ;

static char **env_array;	/* environ when it is ours */
static bool *owned;		/* per entry of env_array: made by setenv */
static size_t env_count;	/* entries of env_array, without the NULL */
static size_t env_capacity;	/* room in env_array and owned */

/* A valid name: not NULL, not empty, no '='. */
static bool
valid_name(const char *name)
{
	return (name != NULL && *name != '\0' && strchr(name, '=') == NULL);
}

/* The index in env of the entry for name (of length len), or -1. */
static long
find(char **env, const char *name, size_t len)
{
	long i;

	if (env == NULL)
		return (-1);
	for (i = 0; env[i] != NULL; i++) {
		if (strncmp(env[i], name, len) == 0 && env[i][len] == '=')
			return (i);
	}
	return (-1);
}

/*
 * Return the value of environment variable name, pointing into the
 * environment (do not modify it), or NULL if it is not set.
 */
char *
getenv(const char *name)
{
	size_t len;
	long i;

	if (!valid_name(name))
		return (NULL);
	len = strlen(name);
	i = find(environ, name, len);
	return (i < 0 ? NULL : environ[i] + len + 1);
}

/* Make environ our own growable array with room for one more entry. */
static bool
own_environ(void)
{
	size_t count = 0, capacity;
	char **array;
	bool *flags;

	if (environ != env_array || env_array == NULL) {
		while (environ != NULL && environ[count] != NULL)
			count++;
		capacity = count + 8;
		array = malloc(capacity * sizeof(*array));
		flags = calloc(capacity, sizeof(*flags));
		if (array == NULL || flags == NULL) {
			free(array);
			free(flags);
			return (false);
		}
		if (count > 0)
			memcpy(array, environ, count * sizeof(*array));
		array[count] = NULL;
		free(env_array);
		free(owned);
		env_array = environ = array;
		owned = flags;
		env_count = count;
		env_capacity = capacity;
	}
	if (env_count + 1 >= env_capacity) {
		capacity = env_capacity * 2;
		array = realloc(env_array, capacity * sizeof(*array));
		if (array == NULL)
			return (false);
		env_array = environ = array;
		flags = realloc(owned, capacity * sizeof(*flags));
		if (flags == NULL)
			return (false);
		memset(flags + env_capacity, 0,
		    (capacity - env_capacity) * sizeof(*flags));
		owned = flags;
		env_capacity = capacity;
	}
	return (true);
}

/*
 * Set environment variable name to value: replace an existing value
 * only if overwrite is nonzero.  name and value are copied.  Returns 0,
 * or -1 with errno EINVAL (name NULL, empty or containing '=') or
 * ENOMEM.
 */
int
setenv(const char *name, const char *value, int overwrite)
{
	size_t len, vlen;
	char *entry;
	long i;

	if (!valid_name(name)) {
		errno = EINVAL;
		return (-1);
	}
	len = strlen(name);
	i = find(environ, name, len);
	if (i >= 0 && !overwrite)
		return (0);
	if (!own_environ())
		return (-1);
	vlen = strlen(value);
	if ((entry = malloc(len + vlen + 2)) == NULL)
		return (-1);
	memcpy(entry, name, len);
	entry[len] = '=';
	memcpy(entry + len + 1, value, vlen + 1);
	if (i >= 0) {
		if (owned[i])
			free(env_array[i]);
	} else {
		i = (long)env_count++;
		env_array[env_count] = NULL;
	}
	env_array[i] = entry;
	owned[i] = true;
	return (0);
}

/*
 * Remove every entry for name from the environment (none is fine).
 * Returns 0, or -1 with errno EINVAL for a bad name as for setenv, or
 * ENOMEM if the environment could not be copied.
 */
int
unsetenv(const char *name)
{
	size_t len;
	long i;

	if (!valid_name(name)) {
		errno = EINVAL;
		return (-1);
	}
	len = strlen(name);
	if (find(environ, name, len) < 0)
		return (0);
	if (!own_environ())
		return (-1);
	while ((i = find(env_array, name, len)) >= 0) {
		if (owned[i])
			free(env_array[i]);
		memmove(env_array + i, env_array + i + 1,
		    (env_count - (size_t)i) * sizeof(*env_array));
		memmove(owned + i, owned + i + 1,
		    (env_count - (size_t)i - 1) * sizeof(*owned));
		env_count--;
	}
	return (0);
}
