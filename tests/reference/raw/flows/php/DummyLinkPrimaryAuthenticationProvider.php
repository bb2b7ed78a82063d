<?php
// Test-only TYPE_LINK primary provider (in the spirit of core's tests'
// DummyLinkPrimaryAuthenticationProvider) used to provoke status RESTART.
// Load from LocalSettings.php with:
//   require_once "$DIR/DummyLinkPrimaryAuthenticationProvider.php";
//   $wgAuthManagerAutoConfig['primaryauth']['DummyLinkPrimaryAuthenticationProvider'] =
//       [ 'class' => 'DummyLinkPrimaryAuthenticationProvider', 'sort' => 200 ];
// Login: a required ButtonAuthenticationRequest 'dummylink' (label "Log in with Dummy", help "Dummy help").
// Pressing it (dummylink=1) gives PASS with username null (=> AuthManager answers RESTART), with a
// createRequest (DummyLinkCreateRequest; its username is taken from the request parameter
// `dummyname` if given) and a linkRequest (DummyLinkLinkRequest). Otherwise ABSTAIN.
// Account creation: PASS if the preserved DummyLinkCreateRequest is among the requests
// (createpreservestate=1), ABSTAIN otherwise.
use MediaWiki\Auth\AbstractPrimaryAuthenticationProvider;
use MediaWiki\Auth\AuthenticationRequest;
use MediaWiki\Auth\AuthenticationResponse;
use MediaWiki\Auth\AuthManager;
use MediaWiki\Auth\ButtonAuthenticationRequest;

class DummyLinkCreateRequest extends AuthenticationRequest {
	public function getFieldInfo() {
		return [];
	}
}

class DummyLinkLinkRequest extends AuthenticationRequest {
	public function getFieldInfo() {
		return [];
	}
}

class DummyLinkPrimaryAuthenticationProvider extends AbstractPrimaryAuthenticationProvider {
	public function getAuthenticationRequests( $action, array $options ) {
		if ( $action === AuthManager::ACTION_LOGIN ) {
			return [ new ButtonAuthenticationRequest( 'dummylink',
				new RawMessage( 'Log in with Dummy' ), new RawMessage( 'Dummy help' ), true ) ];
		}
		return [];
	}

	public function beginPrimaryAuthentication( array $reqs ) {
		$req = ButtonAuthenticationRequest::getRequestByName( $reqs, 'dummylink' );
		if ( !$req ) {
			return AuthenticationResponse::newAbstain();
		}
		$res = AuthenticationResponse::newPass( null );
		$res->createRequest = new DummyLinkCreateRequest();
		$name = $this->manager->getRequest()->getVal( 'dummyname' );
		if ( $name !== null ) {
			$res->createRequest->username = $name;
		}
		$res->linkRequest = new DummyLinkLinkRequest();
		return $res;
	}

	public function testUserExists( $username, $flags = User::READ_NORMAL ) {
		return false;
	}

	public function providerAllowsAuthenticationDataChange( AuthenticationRequest $req, $checkData = true ) {
		return StatusValue::newGood( 'ignored' );
	}

	public function providerChangeAuthenticationData( AuthenticationRequest $req ) {
	}

	public function accountCreationType() {
		return self::TYPE_LINK;
	}

	public function beginPrimaryAccountCreation( $user, $creator, array $reqs ) {
		if ( AuthenticationRequest::getRequestByClass( $reqs, DummyLinkCreateRequest::class ) ) {
			return AuthenticationResponse::newPass();
		}
		return AuthenticationResponse::newAbstain();
	}
}
