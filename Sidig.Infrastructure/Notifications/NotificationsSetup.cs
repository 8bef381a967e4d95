using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Sidig.Infrastructure.Notifications;

public static class NotificationsSetup
{
    /// <summary>The outbox, mail options (validated at start-up) and the transport: SMTP with a Host, the pickup folder without;
    /// the phone-message options and transport for WhatsApp/SMS.</summary>
    public static IServiceCollection AddSidigNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpOptions>().Bind(configuration.GetSection(SmtpOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<SmtpEmailTransport>();
        services.AddSingleton<PickupFolderEmailTransport>();
        services.AddSingleton<IEmailTransport>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.UsesSmtp
            ? sp.GetRequiredService<SmtpEmailTransport>()
            : sp.GetRequiredService<PickupFolderEmailTransport>());

        // WhatsApp/SMS: logged by default, or POSTed to an HTTP gateway.
        services.AddOptions<PhoneMessageOptions>().Bind(configuration.GetSection(PhoneMessageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PhoneMessageOptions>, PhoneMessageOptionsValidator>();
        services.AddHttpClient(HttpGatewayPhoneMessageTransport.ClientName);
        services.AddSingleton<LoggingPhoneMessageTransport>();
        services.AddSingleton<HttpGatewayPhoneMessageTransport>();
        services.AddSingleton<IPhoneMessageTransport>(sp =>
            sp.GetRequiredService<IOptions<PhoneMessageOptions>>().Value.Transport == PhoneMessageTransportKind.HttpGateway
                ? sp.GetRequiredService<HttpGatewayPhoneMessageTransport>()
                : sp.GetRequiredService<LoggingPhoneMessageTransport>());
        return services;
    }
}
