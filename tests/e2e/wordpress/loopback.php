<?php
/**
 * Plugin Name: Test only: loopback oEmbed providers
 * Description: Used only by tests/e2e/wordpress.test.mjs, never shipped. WordPress's safe HTTP
 * (wp_safe_remote_get, which oEmbed discovery uses) refuses loopback hosts and ports other than
 * 80, 443 and 8080; the test's commentary host is 127.0.0.1 on a free port. This must-use plugin
 * allows exactly that host, so discovery runs as it would against a public host.
 */
add_filter(
	'http_request_host_is_external',
	function ( $external, $host ) {
		return $external || '127.0.0.1' === $host;
	},
	10,
	2
);
add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host ) {
		if ( '127.0.0.1' === $host ) {
			$ports[] = (int) getenv( 'CE_COMMENTARY_PORT' );
		}
		return $ports;
	},
	10,
	2
);
