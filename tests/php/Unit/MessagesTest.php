<?php

declare(strict_types=1);

namespace Tests\Php\Unit;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Server\Contabo\Api\ErrorTranslator;
use WHMCS\Module\Server\Contabo\Api\HttpResponse;
use WHMCS\Module\Server\Contabo\ClientArea\Messages;
use WHMCS\Module\Server\Contabo\Lang;

/** The backend's message codes said in the customer's language; unknown codes in its English. */
final class MessagesTest extends TestCase
{
    public function testAValidationFailureIsOneSentencePerFieldWithAnExample(): void
    {
        $error = ErrorTranslator::fromResponse(new HttpResponse(400, [], (string) json_encode(['error' => [
            'code' => 'invalid_input',
            'message' => 'The request is not valid: hostname has a character or format that is not allowed, for example web-1.example.com.',
            'message_code' => 'invalid_fields',
            'params' => [],
            'details' => ['fields' => [
                ['field' => 'hostname', 'problem' => 'format', 'params' => [], 'example' => 'web-1.example.com'],
                ['field' => 'name', 'problem' => 'too_long', 'params' => ['limit' => '30'], 'example' => 'backup-2026'],
            ]],
        ]])));

        self::assertSame(
            'Hostname enthält ein Zeichen oder Format, das nicht erlaubt ist, zum Beispiel web-1.example.com. Name ist zu lang: höchstens 30 Zeichen, zum Beispiel backup-2026.',
            Messages::error($error, Lang::strings('german')),
        );
        self::assertStringStartsWith('Nombre de host contiene', Messages::error($error, Lang::strings('spanish')));
    }

    public function testAKnownCodeIsTranslatedWithItsParametersAndAnUnknownOneKeepsTheBackendsWords(): void
    {
        $limit = ErrorTranslator::fromResponse(new HttpResponse(422, [], (string) json_encode(['error' => [
            'code' => 'quota_exceeded', 'message' => 'This server already has 3 snapshots.', 'message_code' => 'snapshot_limit', 'params' => ['count' => 3], 'details' => [],
        ]])));
        self::assertSame('Ce serveur a déjà 3 instantané(s), le maximum permis par son offre. Supprimez-en un d’abord.', Messages::error($limit, Lang::strings('french')));

        $unknown = ErrorTranslator::fromResponse(new HttpResponse(422, [], (string) json_encode(['error' => [
            'code' => 'action_refused', 'message' => 'Something new.', 'message_code' => 'brand_new', 'params' => [], 'details' => [],
        ]])));
        self::assertSame('Something new.', Messages::error($unknown, Lang::strings('german')));
    }

    public function testAnUnavailableBackendIsSaidInTheCustomersLanguageWithItsReference(): void
    {
        $busy = ErrorTranslator::fromResponse(new HttpResponse(503, [], (string) json_encode(['error' => [
            'code' => 'upstream_unavailable', 'message' => 'The hosting platform is busy or unavailable right now; please try again in a few minutes.',
            'message_code' => 'provider_unavailable', 'params' => [], 'details' => [],
        ]])));
        self::assertStringStartsWith('La plataforma de alojamiento está ocupada', Messages::error($busy, Lang::strings('spanish')));

        $internal = ErrorTranslator::fromResponse(new HttpResponse(500, [], (string) json_encode(['error' => [
            'code' => 'internal_error', 'message' => 'Something went wrong on our side.', 'message_code' => 'internal_error',
            'params' => ['reference' => 'ref-7'], 'details' => ['reference' => 'ref-7'],
        ]])));
        self::assertStringEndsWith('avec cette référence : ref-7.', Messages::error($internal, Lang::strings('french')));

        // A gateway's own 502 page has no error shape: the module's own sentence, not the page.
        $gateway = ErrorTranslator::fromResponse(new HttpResponse(502, [], '<html>Bad Gateway</html>'));
        self::assertSame('O serviço de provisionamento está temporariamente indisponível. Tente novamente mais tarde.', Messages::error($gateway, Lang::strings('portuguese-br')));
    }

    public function testOurOwnFieldRuleIsSaidByItsCodeAfterTheFieldsName(): void
    {
        $error = ErrorTranslator::fromResponse(new HttpResponse(400, [], (string) json_encode(['error' => [
            'code' => 'invalid_input', 'message' => 'The request is not valid: size_tb: must be a multiple of 0.25 TB.', 'message_code' => 'invalid_fields', 'params' => [],
            'details' => ['fields' => [
                ['field' => 'size_tb', 'problem' => 'custom', 'params' => ['message' => 'must be a multiple of 0.25 TB (e.g. 0.25, 0.5, 1, 1.25)', 'step' => '0.25'], 'example' => '', 'message_code' => 'storage_size_step'],
                ['field' => 'ports', 'problem' => 'custom', 'params' => ['message' => 'a rule with no words yet'], 'example' => ''],
            ]],
        ]])));
        $german = Messages::error($error, Lang::strings('german'));
        self::assertStringContainsString('muss ein Vielfaches von 0.25 TB sein', $german);
        self::assertStringContainsString('a rule with no words yet', $german); // no code: the backend's words
    }
}
