<?php
// Test-only PluggableAuth 7.x plugin. Special:PluggableAuthLogin calls authenticate(); this plugin
// decides from the query string of that request:
//   (nothing)            succeed as the new user "PAUser" (id null)
//   ?as=NAME             succeed as the new user NAME (id null; if NAME exists, PluggableAuth/AuthManager
//                        log into it anyway, because PASS just carries the name)
//   ?as=NAME&existing=1  succeed with NAME's user id (an existing account)
//   ?error=TEXT          fail with errorMessage TEXT
//   ?fail=1              fail without an errorMessage (PluggableAuth substitutes its own message)
//   ?nousername=1        succeed with id null and username null
//   ?realname=R&email=E  also pass a real name / email
use MediaWiki\Extension\PluggableAuth\PluggableAuth;
use MediaWiki\MediaWikiServices;
use MediaWiki\User\UserIdentity;

class DummyPluggableAuthPlugin extends PluggableAuth {
	public function authenticate( ?int &$id, ?string &$username, ?string &$realname,
		?string &$email, ?string &$errorMessage ): bool {
		$req = RequestContext::getMain()->getRequest();
		$err = $req->getVal( 'error' );
		if ( $err !== null ) {
			$errorMessage = $err;
			return false;
		}
		if ( $req->getVal( 'fail' ) !== null ) {
			return false;
		}
		if ( $req->getVal( 'nousername' ) !== null ) {
			$id = null;
			$username = null;
			return true;
		}
		$name = $req->getVal( 'as', 'PAUser' );
		if ( $req->getVal( 'existing' ) ) {
			$user = MediaWikiServices::getInstance()->getUserFactory()->newFromName( $name );
			$id = $user ? $user->getId() : null;
		} else {
			$id = null;
		}
		$username = $name;
		$realname = $req->getVal( 'realname' );
		$email = $req->getVal( 'email' );
		return true;
	}

	public function deauthenticate( UserIdentity &$user ): void {
	}

	public function saveExtraAttributes( int $id ): void {
	}
}
