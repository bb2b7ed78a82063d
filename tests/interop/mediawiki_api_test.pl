#!/usr/bin/perl
# Debian's libmediawiki-api-perl (MediaWiki::API) against the standalone mock (MOCKWIKI_API):
# bot-password login, userinfo, a main-account login, and a rejected wrong password.
# Exit 77 (skipped) when MediaWiki::API is not installed.
use strict;
use warnings;
use Test::More;

BEGIN {
  unless (eval { require MediaWiki::API; 1 }) {
    print "libmediawiki-api-perl is not installed (apt-get install libmediawiki-api-perl); skipping\n";
    exit 77;
  }
}

my $api = $ENV{MOCKWIKI_API} or BAIL_OUT('MOCKWIKI_API is not set');

sub new_client { MediaWiki::API->new({ api_url => $api }) }

subtest 'a bot password logs in and userinfo names the user' => sub {
  my $mw = new_client();
  my $login = $mw->login({ lgname => 'Alice@alicebot', lgpassword => 'b2d4f6h8j0l2n4p6r8t0v2a4c6e8g0i2' });
  ok($login, 'login succeeds') or diag("$mw->{error}->{code}: $mw->{error}->{details}");
  is($login->{lgusername}, 'Alice', 'lgusername is the account name');
  my $info = $mw->api({ action => 'query', meta => 'userinfo', uiprop => 'groups|rights' });
  is($info->{query}{userinfo}{name}, 'Alice', 'userinfo name');
  is_deeply($info->{query}{userinfo}{groups}, ['*', 'user', 'autoconfirmed'], 'groups');
  is_deeply($info->{query}{userinfo}{rights},
            [qw(read edit writeapi minoredit purge applychangetags changetags editcontentmodel autoconfirmed editsemiprotected)],
            'rights limited to the grants basic and editpage');
};

subtest 'a main account logs in through action=login' => sub {
  my $mw = new_client();
  my $login = $mw->login({ lgname => 'Robo', lgpassword => 'RoboPassw0rd!23' });
  ok($login, 'login succeeds') or diag("$mw->{error}->{code}: $mw->{error}->{details}");
  is($login->{lgusername}, 'Robo', 'lgusername');
};

subtest 'a wrong password is rejected' => sub {
  my $mw = new_client();
  ok(!$mw->login({ lgname => 'Alice', lgpassword => 'wrong' }), 'login fails');
  is($mw->{error}->{details}, 'Login Failure - Failed', 'the result is Failed');
  my $info = $mw->api({ action => 'query', meta => 'userinfo' });
  ok(exists $info->{query}{userinfo}{anon}, 'still anonymous');
};

done_testing();
