namespace Sidig.Web.Public;

/// <summary>Texts of the public pages (registration, service request, ticket, limits).</summary>
public sealed class PublicText;
