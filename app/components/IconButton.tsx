import type { ReactNode } from 'react';

/**
 * A small square button showing a mark (↑, ×, +, an icon): its name is `label` (aria-label), `title`
 * an optional tooltip. The look is `.icon-btn` (styles), `className` adds to it.
 */
export function IconButton({
  label,
  title,
  className,
  disabled,
  onClick,
  children,
}: {
  label: string;
  title?: string;
  className?: string;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className ? `icon-btn ${className}` : 'icon-btn'}
      aria-label={label}
      title={title}
      disabled={disabled}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
