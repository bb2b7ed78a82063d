#include "api/messages.h"

#include <string>
#include <unordered_map>

namespace mockwiki::api {
namespace {

const std::unordered_map<std::string_view, std::string_view>& catalogue() {
  static const std::unordered_map<std::string_view, std::string_view> kMessages = {
      // ApiMain and the error formatter
      {"api-usage-docref", "See $1 for API usage."},
      {"api-usage-mailinglist-ref",
       "Subscribe to the mediawiki-api-announce mailing list at "
       "&lt;https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/&gt; "
       "for notice of API deprecations and breaking changes."},
      {"apierror-badtoken", "Invalid CSRF token."},
      {"apierror-mustbeposted", "The <kbd>$1</kbd> module requires a POST request."},
      {"apierror-mustpostparams",
       "The following {{PLURAL:$2|parameter was|parameters were}} found in the query string, but "
       "must be in the POST body: $1."},
      {"apierror-missingparam", "The <var>$1</var> parameter must be set."},
      {"apierror-missingparam-at-least-one-of",
       "{{PLURAL:$2|The parameter|At least one of the parameters}} $1 is required."},
      {"apierror-badurl", "Invalid value \"$2\" for URL parameter <var>$1</var>."},
      {"apierror-assertuserfailed", "You are no longer logged in, so the action could not be completed."},
      {"apierror-assertbotfailed", "You do not have the <code>bot</code> right, so the action could not be completed."},
      {"apierror-assertanonfailed", "You are no longer logged out, so the action could not be completed."},
      {"apierror-assertnameduserfailed",
       "You are no longer logged in as \"$1\", so the action could not be completed."},
      {"apierror-readapidenied", "You need read permission to use this module."},
      {"apierror-writeapidenied", "You're not allowed to edit this wiki through the API."},
      {"apierror-noapiwrite", "Editing of this wiki through the API is disabled."},
      {"apierror-promised-nonwrite-api",
       "The <code>Promise-Non-Write-API-Action</code> HTTP header cannot be sent to write-mode API "
       "modules."},
      {"apierror-readonly", "The wiki is currently in read-only mode."},
      {"apierror-maxlag-generic", "Waiting for a database server: $1 {{PLURAL:$1|second|seconds}} lagged."},
      {"apierror-maxlag", "Waiting for $2: $1 {{PLURAL:$1|second|seconds}} lagged."},
      {"apierror-ratelimited", "You've exceeded your rate limit. Please wait some time and try again."},
      {"apierror-invalidmethod", "Invalid HTTP method. Consider using GET or POST."},
      {"apierror-exceptioncaught", "[$1] Exception caught: $2"},
      {"apierror-exceptioncaughttype", "[$1] Caught exception of type $2"},
      {"apierror-unrecognizedparams", "Unrecognized {{PLURAL:$2|parameter|parameters}}: $1."},
      {"apierror-unknownaction", "The action specified, <kbd>$1</kbd>, is not recognized."},
      {"apierror-reauthenticate", "You have not authenticated recently in this session, please reauthenticate."},
      {"apierror-cannotreauthenticate", "This action is not available as your identity cannot be verified."},
      {"cannotlogoutnow-text", "Logging out is not possible when using $1."},
      {"sessionprovider-generic", "$1 sessions"},
      {"apiwarn-deprecation-post-without-content-type",
       "A POST request was made without a <code>Content-Type</code> header. This does not work "
       "reliably."},
      {"apiwarn-errorprinterfailed", "Error printer failed. Will retry without params."},
      {"apiwarn-unsupportedarray", "Parameter <var>$1</var> uses unsupported PHP array syntax."},
      {"apiwarn-tokens-origin", "Tokens may not be obtained when the same-origin policy is not applied."},
      {"apiwarn-checktoken-percentencoding",
       "Check that symbols such as \"+\" in the token are properly percent-encoded in the URL."},
      {"apiwarn-badutf8",
       "The value passed for <var>$1</var> contains invalid or non-normalized data. Textual data should "
       "be valid, NFC-normalized Unicode without C0 control characters other than HT (\\t), LF (\\n), and "
       "CR (\\r)."},

      // ParamValidator
      {"paramvalidator-missingparam", "The \"$1\" parameter must be set."},
      {"paramvalidator-badvalue-enumnotmulti", "Unrecognized value for parameter \"$1\": $2."},
      {"paramvalidator-unrecognizedvalues", "Unrecognized {{PLURAL:$4|value|values}} for parameter \"$1\": $3"},
      {"paramvalidator-badinteger", "Invalid value \"$2\" for integer parameter \"$1\"."},
      {"paramvalidator-baduser", "Invalid value \"$2\" for user parameter <var>$1</var>."},
      {"paramvalidator-toomanyvalues", "Too many values supplied for parameter \"$1\". The limit is $2."},
      {"paramvalidator-outofrange-min", "The value \"$2\" for parameter \"$1\" must be no less than $3."},
      {"paramvalidator-outofrange-max", "The value \"$2\" for parameter \"$1\" must be no greater than $4."},
      {"paramvalidator-outofrange-minmax", "The value \"$2\" for parameter \"$1\" must be between $3 and $4."},

      // action=login
      {"apiwarn-deprecation-login-token",
       "Fetching a token via <kbd>action=login</kbd> is deprecated. Use "
       "<kbd>action=query&meta=tokens&type=login</kbd> instead."},
      {"apiwarn-deprecation-login-botpw",
       "Main-account login via <kbd>action=login</kbd> is deprecated and may stop working without "
       "warning. To continue login with <kbd>action=login</kbd>, see [[Special:BotPasswords]]. To "
       "safely continue using main-account login, see <kbd>action=clientlogin</kbd>."},
      {"apiwarn-deprecation-login-nobotpw",
       "Main-account login via <kbd>action=login</kbd> is deprecated and may stop working without "
       "warning. To safely log in, see <kbd>action=clientlogin</kbd>."},
      {"api-login-fail-aborted",
       "Authentication requires user interaction, which is not supported by <kbd>action=login</kbd>. "
       "To be able to login with <kbd>action=login</kbd>, see [[Special:BotPasswords]]. To continue "
       "using main-account login, see <kbd>[[Special:ApiHelp/clientlogin|action=clientlogin]]</kbd>."},
      {"api-login-fail-aborted-nobotpw",
       "Authentication requires user interaction, which is not supported by <kbd>action=login</kbd>. "
       "To log in, see <kbd>[[Special:ApiHelp/clientlogin|action=clientlogin]]</kbd>."},
      {"api-login-fail-badsessionprovider", "Cannot log in when using $1."},
      {"api-login-fail-sameorigin", "Cannot log in when the same-origin policy is not applied."},
      {"authpage-cannot-login-continue", "Unable to continue login. Your session most likely timed out."},
      {"botpasswords-locked", "You cannot login with a bot password as your account is locked."},
      {"botpasswords-needs-reset", "The bot password for bot name \"$2\" of {{GENDER:$1|user}} \"$1\" must be reset."},

      // AuthManager and its providers
      {"wrongpassword", "Incorrect username or password entered.\nPlease try again."},
      {"wrongpasswordempty", "Password entered was blank.\nPlease try again."},
      {"login-throttled", "You have made too many recent login attempts.\nPlease wait $1 before trying again."},
      {"login-userblocked", "This user is blocked. Login not allowed."},
      {"botpasswords-locked", "You cannot login with a bot password as your account is locked."},
      {"authmanager-authn-no-primary", "The supplied credentials could not be authenticated."},
      {"authmanager-authn-not-in-progress",
       "Authentication is not in progress or session data has been lost. Please start again from the "
       "beginning."},
      {"authmanager-authn-no-local-user", "The supplied credentials are not associated with any user on this wiki."},
      {"authmanager-authn-no-local-user-link",
       "The supplied credentials are valid but are not associated with any user on this wiki. Login in "
       "a different way, or create a new user, and you will have an option to link your previous "
       "credentials to that account."},
      {"authmanager-authn-autocreate-failed", "Auto-creation of a local account failed: $1"},
      {"authmanager-provider-password", "Password-based authentication"},
      {"userlogin-yourname", "Username"},
      {"userlogin-yourpassword", "Password"},
      {"authmanager-username-help", "Username for authentication."},
      {"authmanager-password-help", "Password for authentication."},
      {"userlogin-remembermypassword", "Keep me logged in"},
      {"newpassword", "New password:"},
      {"retypenew", "Retype new password:"},
      {"yourpasswordagain", "Retype password:"},
      {"authmanager-retype-help", "Password again to confirm."},
      {"authmanager-email-label", "Email"},
      {"authmanager-email-help", "Email address"},
      {"authmanager-realname-label", "Real name"},
      {"authmanager-realname-help", "Real name of the user"},
      {"authmanager-provider-temporarypassword", "Temporary password"},
      {"createaccountmail", "Use a temporary random password and send it to the specified email address"},
      {"createaccountmail-help", "Can be used to create account for another person without learning the password."},
      {"nosuchuser",
       "There is no user by the name \"$1\".\nUsernames are case-sensitive.\nCheck your spelling, or "
       "[[Special:CreateAccount|create a new account]]."},
      {"botpasswords-not-exist", "User \"$1\" does not have a bot password named \"$2\"."},
      {"botpasswords-invalid-name", "The username specified does not contain the bot password separator (\"$1\")."},
      {"authmanager-userlogin-remembermypassword-help",
       "Whether the password should be remembered for longer than the length of the session."},
      {"createacct-reason", "Reason (publicly logged)"},
      {"createacct-reason-help", "Message shown in the account creation log"},
      {"userexists", "Username entered already in use.\nPlease choose a different name."},
      {"noname", "You have not specified a valid username."},
      {"badretype", "The passwords you entered do not match."},
      {"invalidemailaddress",
       "The email address cannot be accepted as it appears to have an invalid format.\nPlease enter a "
       "well-formatted address or empty that field."},
      {"passwordtooshort", "Passwords must be at least {{PLURAL:$1|1 character|$1 characters}}."},
      {"passwordtoolong", "Passwords cannot be longer than {{PLURAL:$1|1 character|$1 characters}}."},
      {"password-substring-username-match", "Your password must not appear within your username."},
      {"password-login-forbidden", "The use of this username and password has been forbidden."},
      {"passwordincommonlist",
       "The password entered is in a list of very commonly used passwords. Please choose a more unique password."},
      {"authmanager-create-not-in-progress",
       "Account creation is not in progress or session data has been lost. Please start again from the "
       "beginning."},
      {"authmanager-create-no-primary", "The supplied credentials could not be used for account creation."},

      // OATHAuth (extensions/OATHAuth/i18n/en.json, REL1_39)
      {"oathauth-describe-provider", "Two-factor authentication (OATH)."},
      {"oathauth-auth-token-label", "Two-factor token or recovery code"},
      {"oathauth-auth-token-help", "The one-time password used as the second factor of two-factor authentication."},
      {"oathauth-auth-ui",
       "Please enter a code from your two-factor authentication application (such as Google Authenticator)."},
      {"oathauth-login-failed", "Verification failed."},
      {"oathauth-throttled", "Too many verification attempts! Please wait $1."},

      // ConfirmEdit (i18n/en.json)
      {"captcha-id-label", "CAPTCHA ID"},
      {"captcha-id-help", "This value should be sent back unchanged."},
      {"captcha-info-help", "Description of the CAPTCHA."},
      {"captcha-label", "CAPTCHA"},
      {"captcha-help", "Solution of the CAPTCHA."},
      {"captcha-badlogin",
       "To protect the wiki against automated password cracking, we kindly ask you to solve the following task "
       "below and enter the answer in the box ([[Special:Captcha/help|more info]]):"},
      {"captcha-createaccount",
       "To protect the wiki against automated account creation, we kindly ask you to solve the following task "
       "below and enter the answer in the box ([[Special:Captcha/help|more info]]):"},
      {"captcha-createaccount-fail", "Incorrect or missing CAPTCHA."},

      // PluggableAuth (REL1_39 i18n/en.json)
      {"pluggableauth-loginbutton-help", "Authenticate with PluggableAuth"},
      {"pluggableauth-authentication-workflow-failure", "Authentication workflow failure."},
      {"pluggableauth-authentication-plugin-failure", "Could not load authentication plugin"},
      {"pluggableauth-authentication-failure", "User cannot be authenticated."},
      {"pluggableauth-no-username", "Missing username for new user."},
      {"pluggableauth-fatal-error",
       "Error authenticating user. Please try again or contact your system administrator."},

      // The mock's own: an action or format MediaWiki has and the mock does not.
      {"mockwiki-notimplemented",
       "mockwiki does not implement <kbd>$1</kbd>: it mocks MediaWiki's authentication surface "
       "(login, clientlogin, createaccount, logout, tokens, userinfo, authmanagerinfo, siteinfo)."},
      // A RawMessage "$1" renders its parameter.
      {"$1", "$1"},
  };
  return kMessages;
}

const std::unordered_map<std::string_view, std::string_view>& html_catalogue() {
  static const std::unordered_map<std::string_view, std::string_view> kHtml = {
      // The parser makes the bare URL a link.
      {"api-usage-mailinglist-ref",
       "Subscribe to the mediawiki-api-announce mailing list at &lt;<a rel=\"nofollow\" class=\"external free\" "
       "href=\"https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/\">"
       "https://lists.wikimedia.org/postorius/lists/mediawiki-api-announce.lists.wikimedia.org/</a>&gt; for notice "
       "of API deprecations and breaking changes."},
  };
  return kHtml;
}

}  // namespace

std::optional<std::string_view> english_message(std::string_view key) {
  const auto& messages = catalogue();
  if (auto it = messages.find(key); it != messages.end()) return it->second;
  return std::nullopt;
}

std::optional<std::string_view> english_message_html(std::string_view key) {
  const auto& messages = html_catalogue();
  if (auto it = messages.find(key); it != messages.end()) return it->second;
  return std::nullopt;
}

}  // namespace mockwiki::api
