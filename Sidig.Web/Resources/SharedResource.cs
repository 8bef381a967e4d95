namespace Sidig.Web.Resources;

/// <summary>Marker for texts shared by many pages: common buttons, navigation, roles and domain error codes.</summary>
public sealed class SharedResource;
