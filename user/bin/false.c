/*
 * false - do nothing, unsuccessfully: exit status 1 (for scripts'
 * loops and conditions).
 */
int
main(void)
{
	return (1);
}
