<?php
/**
 * The router of `php -S` for the test's WordPress (tests/e2e/wordpress.test.mjs). The site
 * folder (CE_WP_ROOT) links every file of Debian's /usr/share/wordpress but holds its own
 * wp-config.php; PHP resolves the links, so WordPress's own `__DIR__` would find Debian's
 * wp-config.php: ABSPATH is set here, to the site folder, before WordPress starts.
 * Existing static files are served as they are; PHP files run; anything else goes to
 * index.php (pretty permalinks, the REST API).
 */
define( 'ABSPATH', rtrim( getenv( 'CE_WP_ROOT' ), '/' ) . '/' );

$ce_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
if ( false !== strpos( $ce_path, '..' ) ) {
	http_response_code( 404 );
	return true;
}
$ce_file = ABSPATH . ltrim( $ce_path, '/' );
if ( is_dir( $ce_file ) ) {
	$ce_file = rtrim( $ce_file, '/' ) . '/index.php';
}
if ( is_file( $ce_file ) && '.php' !== substr( $ce_file, -4 ) ) {
	return false; // a static file: the built-in server sends it
}
if ( ! is_file( $ce_file ) ) {
	$ce_file = ABSPATH . 'index.php';
}
$ce_script                  = '/' . ltrim( substr( $ce_file, strlen( ABSPATH ) ), '/' );
$_SERVER['SCRIPT_NAME']     = $ce_script;
$_SERVER['PHP_SELF']        = $ce_script;
$_SERVER['SCRIPT_FILENAME'] = $ce_file;
chdir( dirname( $ce_file ) );
require $ce_file;
