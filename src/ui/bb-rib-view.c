/* bb-rib-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bb-animation.h"
#include "bb-rib-painter.h"
#include "bb-rib-view-private.h"

/*
 * Draws the session's expansion. The session computes expansion for any
 * moment, so the view only asks at frame time: a tick callback exists
 * while a session runs and the user allows animations, and nothing wakes
 * the view otherwise. With animations off the drawing changes once per
 * phase, showing where that phase leads.
 *
 * A breath moves the ribs a few pixels a second, so most frames would
 * show nothing new: the tick callback asks for a drawing only once the
 * farthest-moving edge has moved by MIN_MOTION device pixels, or has come
 * to rest at either end of the breath. The part of the picture that never
 * moves (head, neck, shoulders) is rendered once per size, scale and
 * style and its render node is reused, so only the moving area is drawn
 * again, and only that area is damaged.
 *
 * A view can also show one of the common faults (the Learn page shows
 * them beside the right way). A fault moves the shoulders or the waist
 * too, so its picture is drawn whole at every frame.
 */

/* In device pixels: half a pixel of motion is the least an antialiased
 * edge shows. */
#define MIN_MOTION 0.5

struct _BbRibView
{
  GtkWidget      parent_instance;

  /* Owned */
  BbSession     *session;
  GSignalGroup  *session_signals;
  GskRenderNode *still_node;

  /* What still_node was made for */
  int            still_width;
  int            still_height;
  int            still_scale;
  BbRibStyle     still_style;

  guint          tick_id;
  /* The expansion drawn last; NaN before the first drawing. */
  double         drawn_expansion;
  /* What is drawn without a session. */
  double         idle_expansion;
  BbRibFault     fault;
  /* The accessible label, translated. */
  const char    *label;
};

G_DEFINE_FINAL_TYPE (BbRibView, bb_rib_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (BbRibFault, bb_rib_fault,
                    G_DEFINE_ENUM_VALUE (BB_RIB_FAULT_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (BB_RIB_FAULT_SHOULDERS, "shoulders"),
                    G_DEFINE_ENUM_VALUE (BB_RIB_FAULT_BELLY, "belly"))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_FAULT,
  PROP_IDLE_EXPANSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * bb_rib_view_get_shown_expansion:
 *
 * Returns: the expansion the view draws now, 0..1
 */
double
bb_rib_view_get_shown_expansion (BbRibView *self)
{
  g_return_val_if_fail (BB_IS_RIB_VIEW (self), 0.0);

  if (self->session == NULL)
    return self->idle_expansion;

  if (bb_animation_enabled (GTK_WIDGET (self)))
    return bb_session_get_expansion (self->session);

  switch (bb_session_get_phase (self->session))
    {
    case BB_PHASE_INHALE:
    case BB_PHASE_HOLD_IN:
      return 1.0;
    case BB_PHASE_EXHALE:
    case BB_PHASE_HOLD_OUT:
    case BB_PHASE_NONE:
    default:
      return 0.0;
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  BbRibView *self = BB_RIB_VIEW (widget);
  double shown = bb_rib_view_get_shown_expansion (self);
  double motion;

  if (shown == self->drawn_expansion)
    return G_SOURCE_CONTINUE;

  motion = bb_rib_painter_get_motion (gtk_widget_get_width (widget),
                                      gtk_widget_get_height (widget),
                                      self->drawn_expansion, shown);

  /* Draw exactly the ends of the breath, where the picture rests. */
  if (isnan (self->drawn_expansion) || shown == 0.0 || shown == 1.0 ||
      motion * gtk_widget_get_scale_factor (widget) >= MIN_MOTION)
    gtk_widget_queue_draw (widget);

  return G_SOURCE_CONTINUE;
}

/* Adds or removes the tick callback to match what the view shows. */
static void
update_ticking (BbRibView *self)
{
  bb_animation_follow (GTK_WIDGET (self), &self->tick_id,
                       self->session != NULL &&
                       bb_session_get_state (self->session) == BB_SESSION_STATE_RUNNING,
                       tick_cb);
}

static void
session_changed_cb (BbRibView *self)
{
  update_ticking (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
get_style (BbRibView  *self,
           BbRibStyle *style)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  GtkStyleContext *style_context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA accent;
  BbRgba bb_accent;

  if (!gtk_style_context_lookup_color (style_context, "accent_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  bb_accent = (BbRgba) { accent.red, accent.green, accent.blue, accent.alpha };

  /* Zeroed, padding included, so that styles compare with memcmp(). */
  memset (style, 0, sizeof *style);
  bb_rib_style_init (style, adw_style_manager_get_dark (style_manager), &bb_accent);
  style->fault = self->fault;
}

/* Renders the still part into an image once, so that later frames only
 * composite it, wherever the damage falls. */
static GskRenderNode *
make_still_node (int               width,
                 int               height,
                 int               scale,
                 const BbRibStyle *style)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  cairo_surface_t *image;
  cairo_t *cr;

  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale, height * scale);
  cairo_surface_set_device_scale (image, scale, scale);
  cr = cairo_create (image);
  bb_rib_painter_draw_static (cr, width, height, style);
  cairo_destroy (cr);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
bb_rib_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  BbRibView *self = BB_RIB_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  cairo_rectangle_int_t area;
  BbRibStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  get_style (self, &style);

  if (self->fault != BB_RIB_FAULT_NONE)
    {
      self->drawn_expansion = bb_rib_view_get_shown_expansion (self);
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      bb_rib_painter_draw (cr, width, height, self->drawn_expansion, &style);
      cairo_destroy (cr);
      return;
    }

  if (self->still_node == NULL ||
      self->still_width != width || self->still_height != height || self->still_scale != scale ||
      memcmp (&self->still_style, &style, sizeof style) != 0)
    {
      g_clear_pointer (&self->still_node, gsk_render_node_unref);
      self->still_node = make_still_node (width, height, scale, &style);
      self->still_width = width;
      self->still_height = height;
      self->still_scale = scale;
      self->still_style = style;
    }

  /* The same node as last frame: GSK sees that it did not change. */
  if (self->still_node != NULL)
    gtk_snapshot_append_node (snapshot, self->still_node);

  self->drawn_expansion = bb_rib_view_get_shown_expansion (self);
  bb_rib_painter_get_moving_area (width, height, &area);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (area.x, area.y, area.width, area.height));
  bb_rib_painter_draw_moving (cr, width, height, self->drawn_expansion, &style);
  cairo_destroy (cr);
}

static void
bb_rib_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_rib_view_parent_class)->map (widget);
  update_ticking (BB_RIB_VIEW (widget));
}

static void
bb_rib_view_unmap (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_rib_view_parent_class)->unmap (widget);
  update_ticking (BB_RIB_VIEW (widget));
}

static void
bb_rib_view_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bb_rib_view_parent_class)->root (widget);

  g_signal_connect_object (gtk_widget_get_settings (widget), "notify::gtk-enable-animations",
                           G_CALLBACK (session_changed_cb), widget,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), widget,
                           G_CONNECT_SWAPPED);
}

static void
bb_rib_view_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_data (gtk_widget_get_settings (widget), widget);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), widget);

  GTK_WIDGET_CLASS (bb_rib_view_parent_class)->unroot (widget);
}

static void
bb_rib_view_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bb_rib_view_parent_class)->css_changed (widget, change);

  /* The accent colour may have changed; the snapshot compares styles. */
  gtk_widget_queue_draw (widget);
}

static void
bb_rib_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  /* Small enough for three side by side on a phone. The picture is
   * square, so no taller than wide is needed. */
  *minimum = 96;
  *natural = 320;
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0)
    *natural = CLAMP (for_size, *minimum, *natural);
}

static GtkSizeRequestMode
bb_rib_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
bb_rib_view_dispose (GObject *object)
{
  BbRibView *self = (BbRibView *)object;

  bb_rib_view_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_pointer (&self->still_node, gsk_render_node_unref);

  G_OBJECT_CLASS (bb_rib_view_parent_class)->dispose (object);
}

static void
bb_rib_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BbRibView *self = BB_RIB_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_FAULT:
      g_value_set_enum (value, self->fault);
      break;

    case PROP_IDLE_EXPANSION:
      g_value_set_double (value, self->idle_expansion);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bb_rib_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BbRibView *self = BB_RIB_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      bb_rib_view_set_session (self, g_value_get_object (value));
      break;

    case PROP_FAULT:
      bb_rib_view_set_fault (self, g_value_get_enum (value));
      break;

    case PROP_IDLE_EXPANSION:
      bb_rib_view_set_idle_expansion (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The small oval in the corner is not self-explaining: over it, a
 * tooltip says what it shows, for the right way or a fault. */
static gboolean
bb_rib_view_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard_tooltip,
                           GtkTooltip *tooltip)
{
  BbRibView *self = BB_RIB_VIEW (widget);
  cairo_rectangle_int_t area;
  const char *text;

  bb_rib_painter_get_cross_section_area (gtk_widget_get_width (widget),
                                         gtk_widget_get_height (widget), &area);
  if (!keyboard_tooltip &&
      (x < area.x || x >= area.x + area.width || y < area.y || y >= area.y + area.height))
    return FALSE;

  switch (self->fault)
    {
    case BB_RIB_FAULT_SHOULDERS:
      text = _("Seen from above: the ribs barely move");
      break;

    case BB_RIB_FAULT_BELLY:
      text = _("Seen from above: the belly pushes the front forward");
      break;

    case BB_RIB_FAULT_NONE:
    default:
      text = _("Seen from above: the ribs widen sideways and backward");
      break;
    }
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { area.x, area.y, area.width, area.height });

  return TRUE;
}

static void
bb_rib_view_class_init (BbRibViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bb_rib_view_dispose;
  object_class->get_property = bb_rib_view_get_property;
  object_class->set_property = bb_rib_view_set_property;

  widget_class->snapshot = bb_rib_view_snapshot;
  widget_class->measure = bb_rib_view_measure;
  widget_class->get_request_mode = bb_rib_view_get_request_mode;
  widget_class->map = bb_rib_view_map;
  widget_class->unmap = bb_rib_view_unmap;
  widget_class->root = bb_rib_view_root;
  widget_class->unroot = bb_rib_view_unroot;
  widget_class->css_changed = bb_rib_view_css_changed;
  widget_class->query_tooltip = bb_rib_view_query_tooltip;

  /**
   * BbRibView:session:
   *
   * The session whose breath is drawn; %NULL draws the body at rest.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         BB_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbRibView:fault:
   *
   * What the breath does in the picture: the right way, or one of the
   * common faults. The accessible label says which.
   */
  properties[PROP_FAULT] =
    g_param_spec_enum ("fault", NULL, NULL,
                       BB_TYPE_RIB_FAULT, BB_RIB_FAULT_NONE,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * BbRibView:idle-expansion:
   *
   * The expansion drawn while there is no session: 0 shows the body at
   * rest, 1 at full breath.
   */
  properties[PROP_IDLE_EXPANSION] =
    g_param_spec_double ("idle-expansion", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "ribview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* Says what the picture shows. */
static void
update_label (BbRibView *self)
{
  const char *label;

  switch (self->fault)
    {
    case BB_RIB_FAULT_SHOULDERS:
      label = _("The shoulders rising toward the ears on the in-breath, while the ribs barely move");
      break;

    case BB_RIB_FAULT_BELLY:
      label = _("The belly pushing out on the in-breath, while the back of the ribs stays narrow");
      break;

    case BB_RIB_FAULT_NONE:
    default:
      label = _("The back of the rib cage, widening as you breathe in");
      break;
    }

  self->label = label;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
bb_rib_view_init (BbRibView *self)
{
  self->drawn_expansion = NAN;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  /* Ticking and the reduced-motion drawing both change with the state
   * and the phase. */
  self->session_signals = g_signal_group_new (BB_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::state",
                                 G_CALLBACK (session_changed_cb), self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::phase",
                                 G_CALLBACK (session_changed_cb), self,
                                 G_CONNECT_SWAPPED);

  update_label (self);
}

BbSession *
bb_rib_view_get_session (BbRibView *self)
{
  g_return_val_if_fail (BB_IS_RIB_VIEW (self), NULL);

  return self->session;
}

void
bb_rib_view_set_session (BbRibView *self,
                         BbSession *session)
{
  g_return_if_fail (BB_IS_RIB_VIEW (self));
  g_return_if_fail (session == NULL || BB_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->session_signals, session);

  session_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * bb_rib_view_is_ticking:
 *
 * Returns: whether a tick callback is installed; for tests
 */
gboolean
bb_rib_view_is_ticking (BbRibView *self)
{
  g_return_val_if_fail (BB_IS_RIB_VIEW (self), FALSE);

  return self->tick_id != 0;
}

BbRibFault
bb_rib_view_get_fault (BbRibView *self)
{
  g_return_val_if_fail (BB_IS_RIB_VIEW (self), BB_RIB_FAULT_NONE);

  return self->fault;
}

void
bb_rib_view_set_fault (BbRibView  *self,
                       BbRibFault  fault)
{
  g_return_if_fail (BB_IS_RIB_VIEW (self));
  g_return_if_fail (fault >= BB_RIB_FAULT_NONE && fault <= BB_RIB_FAULT_BELLY);

  if (self->fault == fault)
    return;

  self->fault = fault;
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAULT]);
}

double
bb_rib_view_get_idle_expansion (BbRibView *self)
{
  g_return_val_if_fail (BB_IS_RIB_VIEW (self), 0.0);

  return self->idle_expansion;
}

void
bb_rib_view_set_idle_expansion (BbRibView *self,
                                double     expansion)
{
  g_return_if_fail (BB_IS_RIB_VIEW (self));

  /* NaN fails every comparison, so test for it before clamping. */
  expansion = isnan (expansion) ? 0.0 : CLAMP (expansion, 0.0, 1.0);
  if (self->idle_expansion == expansion)
    return;

  self->idle_expansion = expansion;
  if (self->session == NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDLE_EXPANSION]);
}

/**
 * bb_rib_view_get_label:
 *
 * Returns: the accessible label, which says what the picture shows; for
 *   tests, as GTK 4.8 cannot read accessible properties back
 */
const char *
bb_rib_view_get_label (BbRibView *self)
{
  g_return_val_if_fail (BB_IS_RIB_VIEW (self), NULL);

  return self->label;
}
