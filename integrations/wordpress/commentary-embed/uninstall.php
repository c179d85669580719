<?php
/**
 * Removes the plugin's settings when it is deleted from the Plugins screen.
 *
 * @package CommentaryEmbed
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'commentary_embed_widget_base' );
delete_option( 'commentary_embed_document_base' );
