/*
 * true - do nothing, successfully: exit status 0 (for scripts' loops
 * and conditions).
 */
int
main(void)
{
	return (0);
}
