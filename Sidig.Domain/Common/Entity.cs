namespace Sidig.Domain.Common;

/// <summary>Base of every persisted business record. Ids are generated client-side so aggregates can be linked before saving.</summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
}
