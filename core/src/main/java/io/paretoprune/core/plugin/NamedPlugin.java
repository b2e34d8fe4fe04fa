package io.paretoprune.core.plugin;

/** The name and one-line description every plug-in carries, for those given them at creation. */
public abstract class NamedPlugin implements Plugin {
  private final String name;
  private final String description;

  protected NamedPlugin(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }
}
